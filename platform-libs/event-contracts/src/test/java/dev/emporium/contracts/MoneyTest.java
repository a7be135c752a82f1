package dev.emporium.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsMinorUnitsAndCurrency() {
        Money money = Money.of(1299, "EUR");

        assertThat(money.amount()).isEqualTo(1299);
        assertThat(money.currency()).isEqualTo("EUR");
    }

    @Test
    void addsAmountsOfTheSameCurrency() {
        assertThat(Money.of(1299, "EUR").plus(Money.of(1, "EUR"))).isEqualTo(Money.of(1300, "EUR"));
    }

    @Test
    void multipliesByAQuantity() {
        assertThat(Money.of(250, "EUR").times(4)).isEqualTo(Money.of(1000, "EUR"));
        assertThat(Money.of(250, "EUR").times(0)).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.00 EUR")
                .hasMessageContaining("1.00 USD");
    }

    @Test
    void failsInsteadOfOverflowing() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 2 + 1, "EUR").times(2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void isNeverNegative() {
        assertThatThrownBy(() -> Money.of(-1, "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Money.of(1, "EUR").times(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOnlyUpperCaseIsoCurrencyCodes() {
        assertThatThrownBy(() -> Money.of(1, "eur")).hasMessageContaining("'eur'");
        assertThatThrownBy(() -> Money.of(1, "EURO")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "ZZZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void formatsWithTheCurrencysMinorUnits() {
        assertThat(Money.of(1299, "EUR")).hasToString("12.99 EUR");
        assertThat(Money.of(5, "EUR")).hasToString("0.05 EUR");
        assertThat(Money.of(1500, "JPY")).hasToString("1500 JPY");
        assertThat(Money.of(1234, "BHD")).hasToString("1.234 BHD");
    }
}

package dev.emporium.notification.events;

import dev.emporium.contracts.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventNotificationsTest {

    @Test
    void amountsAreWrittenInTheCurrencysMinorUnitsWithItsCode() {
        assertThat(EventNotifications.format(Money.of(2598, "EUR"))).isEqualTo("25.98 EUR");
        assertThat(EventNotifications.format(Money.of(5, "EUR"))).isEqualTo("0.05 EUR");
        assertThat(EventNotifications.format(Money.of(0, "USD"))).isEqualTo("0.00 USD");
        assertThat(EventNotifications.format(Money.of(1500, "JPY"))).isEqualTo("1500 JPY");
        assertThat(EventNotifications.format(Money.of(1234, "BHD"))).isEqualTo("1.234 BHD");
    }

}

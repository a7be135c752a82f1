package dev.emporium.order.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SkuTest {

    @ParameterizedTest
    @ValueSource(strings = {"KIT-001", "a", "sku_2.b", "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsUrlSafeCodes(String value) {
        assertThat(new Sku(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " KIT-001", "-KIT", "KIT/001", "bad*sku", "K%20",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnythingElse(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Sku(value)).withMessageContaining(value);
    }
}

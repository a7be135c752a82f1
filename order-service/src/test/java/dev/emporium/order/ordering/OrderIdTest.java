package dev.emporium.order.ordering;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderIdTest {

    @Test
    void parsesTheCanonicalForm() {
        UUID uuid = UUID.randomUUID();

        assertThat(OrderId.of(uuid.toString())).isEqualTo(new OrderId(uuid));
        assertThat(OrderId.of(uuid.toString().toUpperCase())).isEqualTo(new OrderId(uuid));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "42", "3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9z",
            "3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d0"})
    void refusesAnythingElse(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderId.of(text))
                .withMessageStartingWith("An order id is a UUID");
    }
}

package dev.emporium.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void aTypeHasAReverseDnsNameAndAFindableSchema() {
        EventType type = EventType.of("auth", "UserRegistered", 1);

        assertThat(type.qualifiedName()).isEqualTo("dev.emporium.auth.UserRegistered");
        assertThat(type.schemaResource()).isEqualTo("schemas/auth/UserRegistered.v1.json");
    }

    @Test
    void theNameOnTheWireParsesBackToTheType() {
        assertThat(EventType.parse("dev.emporium.order.OrderPlaced", 2)).isEqualTo(EventType.of("order", "OrderPlaced", 2));
    }

    @Test
    void malformedNamesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.parse("OrderPlaced", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.parse("com.acme.order.OrderPlaced", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.of("Order", "OrderPlaced", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.of("order", "orderPlaced", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.of("order", "OrderPlaced", 0));
    }
}

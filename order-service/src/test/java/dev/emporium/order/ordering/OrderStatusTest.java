package dev.emporium.order.ordering;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.emporium.order.ordering.OrderStatus.CANCELLED;
import static dev.emporium.order.ordering.OrderStatus.CONFIRMED;
import static dev.emporium.order.ordering.OrderStatus.PENDING_PAYMENT;
import static dev.emporium.order.ordering.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderStatusTest {

    private static final OrderId ORDER = new OrderId(UUID.fromString("3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d"));

    @Test
    void aPendingOrderFollowsItsPaymentOrIsCancelled() {
        assertThat(PENDING_PAYMENT.next()).containsExactlyInAnyOrder(CONFIRMED, REJECTED, CANCELLED);
    }

    @Test
    void aConfirmedOrderCanOnlyBeCancelled() {
        assertThat(CONFIRMED.next()).containsExactly(CANCELLED);
    }

    @Test
    void rejectedAndCancelledAreFinal() {
        assertThat(REJECTED.next()).isEmpty();
        assertThat(CANCELLED.next()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "PENDING_PAYMENT, CONFIRMED, true", "PENDING_PAYMENT, REJECTED, true",
            "PENDING_PAYMENT, CANCELLED, true", "PENDING_PAYMENT, PENDING_PAYMENT, false",
            "CONFIRMED, CANCELLED, true", "CONFIRMED, REJECTED, false", "CONFIRMED, CONFIRMED, false",
            "CONFIRMED, PENDING_PAYMENT, false", "REJECTED, CANCELLED, false", "REJECTED, CONFIRMED, false",
            "CANCELLED, CONFIRMED, false", "CANCELLED, CANCELLED, false", "CANCELLED, PENDING_PAYMENT, false" })
    void allowsExactlyTheSagasTransitions(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canChangeTo(to)).isEqualTo(allowed);
    }

    @Test
    void refusesAnIllegalTransitionWithAConflictProblem() {
        assertThatNoException().isThrownBy(() -> CONFIRMED.requireCanChangeTo(CANCELLED, ORDER));

        assertThatThrownBy(() -> REJECTED.requireCanChangeTo(CANCELLED, ORDER))
                .isInstanceOfSatisfying(IllegalOrderTransitionException.class, ex -> {
                    assertThat(ex.getStatusCode().value()).isEqualTo(409);
                    assertThat(ex.getBody().getDetail()).isEqualTo("Order '" + ORDER
                            + "' is REJECTED and cannot become CANCELLED");
                    assertThat(ex.getBody().getProperties()).containsEntry("orderStatus", "REJECTED")
                            .containsEntry("requestedStatus", "CANCELLED");
                });
    }
}

package dev.emporium.order.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.order.catalog.Sku;
import dev.emporium.order.catalog.Stock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels orders, by their customer (or an administrator) or by the payment timeout: the order becomes CANCELLED,
 * its stock goes back, and OrderCancelled tells payment-service to refund or never charge it.
 */
@Service
class OrderCancellation {

    private final OrderRepository orders;

    private final Stock stock;

    private final OrderEvents events;

    private final Clock clock;

    OrderCancellation(OrderRepository orders, Stock stock, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Cancels an order the caller may see (to a customer, another customer's order does not exist).
     *
     * @throws OrderNotFoundException (404)
     * @throws IllegalOrderTransitionException (409) when the order is already REJECTED or CANCELLED
     */
    @Transactional
    Order cancel(OrderId id, OrderReader reader) {
        Order order = orders.lockById(id, reader).orElseThrow(() -> new OrderNotFoundException(id));
        order.status().requireCanChangeTo(OrderStatus.CANCELLED, id);
        return cancelLocked(List.of(order), OrderCancelled.BY_CUSTOMER).getFirst();
    }

    /**
     * Cancels orders whose rows the transaction has locked and that may be cancelled. The stock of all of them
     * goes back in one pass in SKU order, the order every transaction locks products in.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Order> cancelLocked(List<Order> locked, String reason) {
        locked.forEach(order -> order.status().requireCanChangeTo(OrderStatus.CANCELLED, order.id()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SortedMap<Sku, Integer> released = Stock.quantities();
        locked.forEach(order -> order.quantities().forEach((sku, quantity) -> released.merge(sku, quantity,
                Math::addExact)));
        stock.release(released);
        List<Order> cancelled = new ArrayList<>();
        for (Order order : locked) {
            Order after = order.withStatus(OrderStatus.CANCELLED, reason, null, now);
            orders.updateStatus(order, after);
            events.cancelled(after, reason, order.status(), now);
            cancelled.add(after);
        }
        return cancelled;
    }
}

package dev.emporium.order.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.emporium.contracts.Money;
import dev.emporium.order.catalog.Sku;
import dev.emporium.platform.paging.SortWhitelist;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code orders.orders} with their {@code orders.order_items}. */
@Repository
class OrderRepository {

    private static final SortWhitelist SORTING = SortWhitelist.tiebreaker("id")
            .property("createdAt", "created_at")
            .property("total", "total_amount")
            .property("status", "status")
            .defaultSort(Sort.by(Sort.Direction.DESC, "createdAt"));

    private static final String COLUMNS = "id, customer_id, status, total_amount, currency, shipping_name,"
            + " shipping_line1, shipping_line2, shipping_city, shipping_postal_code, shipping_country, payment_method,"
            + " payment_id, status_reason, refund_reference, refunded_at, created_at, updated_at";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many orders wait for their payment outcome; served by the partial index on PENDING_PAYMENT orders. */
    long countPendingPayment() {
        return jdbc.sql("SELECT count(*) FROM orders WHERE status = 'PENDING_PAYMENT'").query(Long.class).single();
    }

    /** A page of the orders the reader may see, newest first unless the request sorts otherwise. */
    Page<Order> find(OrderReader reader, Pageable pageable) {
        String orderBy = SORTING.orderBy(pageable.getSort());
        String where = reader.admin() ? "" : " WHERE customer_id = :customer";
        List<OrderHeader> headers = jdbc
                .sql("SELECT " + COLUMNS + " FROM orders" + where + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(readerParams(reader))
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(OrderRepository::header)
                .list();
        return PageableExecutionUtils.getPage(withLines(headers), pageable,
                () -> jdbc.sql("SELECT count(*) FROM orders" + where).params(readerParams(reader))
                        .query(Long.class).single());
    }

    /** The order, if it exists and the reader may see it: to a customer, another customer's order does not exist. */
    Optional<Order> findById(OrderId id, OrderReader reader) {
        return one("", id, reader);
    }

    /** {@link #findById(OrderId, OrderReader)}, locking the order's row until the transaction ends. */
    Optional<Order> lockById(OrderId id, OrderReader reader) {
        return one(" FOR UPDATE", id, reader);
    }

    /** Any order by id, locked until the transaction ends. */
    Optional<Order> lockById(OrderId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(OrderRepository::header)
                .optional()
                .map(found -> withLines(List.of(found)).getFirst());
    }

    /**
     * Locks up to {@code limit} orders that have waited for their payment since before {@code cutoff}, oldest first.
     * Rows another transaction holds are skipped, so replicas running the same job share the work instead of
     * queueing behind each other.
     */
    List<Order> lockPendingPaymentSince(Instant cutoff, int limit) {
        List<OrderHeader> headers = jdbc.sql("SELECT " + COLUMNS + " FROM orders"
                + " WHERE status = 'PENDING_PAYMENT' AND created_at < :cutoff"
                + " ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("cutoff", timestamp(cutoff))
                .param("limit", limit)
                .query(OrderRepository::header)
                .list();
        return withLines(headers);
    }

    void insert(Order order) {
        ShippingAddress address = order.shippingAddress();
        jdbc.sql("""
                INSERT INTO orders (id, customer_id, status, total_amount, currency, shipping_name, shipping_line1,
                                    shipping_line2, shipping_city, shipping_postal_code, shipping_country,
                                    payment_method, created_at, updated_at)
                VALUES (:id, :customerId, :status, :total, :currency, :name, :line1, :line2, :city, :postalCode,
                        :country, :paymentMethod, :createdAt, :updatedAt)
                """)
                .param("id", order.id().value())
                .param("customerId", order.customerId().value())
                .param("status", order.status().name())
                .param("total", order.total().amount())
                .param("currency", order.total().currency())
                .param("name", address.name())
                .param("line1", address.line1())
                .param("line2", address.line2())
                .param("city", address.city())
                .param("postalCode", address.postalCode())
                .param("country", address.country())
                .param("paymentMethod", order.paymentMethod())
                .param("createdAt", timestamp(order.createdAt()))
                .param("updatedAt", timestamp(order.updatedAt()))
                .update();
        for (OrderLine line : order.lines()) {
            jdbc.sql("""
                    INSERT INTO order_items (order_id, sku, quantity, unit_price_amount)
                    VALUES (:orderId, :sku, :quantity, :unitPrice)
                    """)
                    .param("orderId", order.id().value())
                    .param("sku", line.sku().value())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice().amount())
                    .update();
        }
    }

    /**
     * Writes the order's new status, reason and payment, if its row still has the status it was read with.
     *
     * @throws IllegalStateException when it does not: callers lock the row first, so this is a bug
     */
    void updateStatus(Order before, Order after) {
        int updated = jdbc.sql("""
                UPDATE orders SET status = :status, status_reason = :reason, payment_id = :paymentId,
                                  updated_at = :updatedAt
                WHERE id = :id AND status = :previous
                """)
                .param("id", after.id().value())
                .param("previous", before.status().name())
                .param("status", after.status().name())
                .param("reason", after.statusReason())
                .param("paymentId", after.paymentId())
                .param("updatedAt", timestamp(after.updatedAt()))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Order " + after.id() + " is no longer " + before.status());
        }
    }

    /** Records the refund of the order's payment; the first report wins, a repeated one changes nothing. */
    boolean recordRefund(OrderId id, String reference, Instant refundedAt, Instant now) {
        return jdbc.sql("""
                UPDATE orders SET refund_reference = :reference, refunded_at = :refundedAt, updated_at = :now
                WHERE id = :id AND refund_reference IS NULL
                """)
                .param("id", id.value())
                .param("reference", reference)
                .param("refundedAt", timestamp(refundedAt))
                .param("now", timestamp(now))
                .update() == 1;
    }

    private Optional<Order> one(String lock, OrderId id, OrderReader reader) {
        Optional<OrderHeader> header = reader.admin()
                ? jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id" + lock)
                        .param("id", id.value())
                        .query(OrderRepository::header)
                        .optional()
                : jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id AND customer_id = :customer" + lock)
                        .param("id", id.value())
                        .param("customer", reader.customer().value())
                        .query(OrderRepository::header)
                        .optional();
        return header.map(found -> withLines(List.of(found)).getFirst());
    }

    private static Map<String, Object> readerParams(OrderReader reader) {
        return reader.admin() ? Map.of() : Map.of("customer", reader.customer().value());
    }

    /** Loads the lines of all given orders in one query, so a page costs two queries, not one per order. */
    private List<Order> withLines(List<OrderHeader> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LineRow>> linesByOrder = jdbc
                .sql("SELECT order_id, sku, quantity, unit_price_amount FROM order_items"
                        + " WHERE order_id IN (:ids) ORDER BY sku")
                .param("ids", headers.stream().map(OrderHeader::id).toList())
                .query((rs, row) -> new LineRow(rs.getObject("order_id", UUID.class), new Sku(rs.getString("sku")),
                        rs.getInt("quantity"), rs.getLong("unit_price_amount")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(LineRow::orderId));
        return headers.stream()
                .map(header -> header.toOrder(linesByOrder.getOrDefault(header.id(), List.of())))
                .toList();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OrderHeader header(ResultSet rs, int row) throws SQLException {
        String refundReference = rs.getString("refund_reference");
        Instant refundedAt = instant(rs, "refunded_at");
        return new OrderHeader(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                OrderStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("total_amount"), rs.getString("currency")),
                new ShippingAddress(rs.getString("shipping_name"), rs.getString("shipping_line1"),
                        rs.getString("shipping_line2"), rs.getString("shipping_city"),
                        rs.getString("shipping_postal_code"), rs.getString("shipping_country")),
                rs.getString("payment_method"), rs.getObject("payment_id", UUID.class), rs.getString("status_reason"),
                refundReference == null || refundedAt == null ? null : new Order.Refund(refundReference, refundedAt),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** An order row before its lines are attached. */
    private record OrderHeader(UUID id, UUID customerId, OrderStatus status, Money total,
            ShippingAddress shippingAddress, @Nullable String paymentMethod, @Nullable UUID paymentId,
            @Nullable String statusReason, Order.@Nullable Refund refund, Instant createdAt, Instant updatedAt) {

        Order toOrder(List<LineRow> lines) {
            String currency = total.currency();
            return new Order(new OrderId(id), new CustomerId(customerId), status,
                    lines.stream()
                            .map(line -> new OrderLine(line.sku(), line.quantity(),
                                    new Money(line.unitPriceAmount(), currency)))
                            .toList(),
                    total, shippingAddress, paymentMethod, paymentId, statusReason, refund, createdAt, updatedAt);
        }
    }

    /** One {@code order_items} row; its prices are in the currency of its order. */
    private record LineRow(UUID orderId, Sku sku, int quantity, long unitPriceAmount) {
    }
}

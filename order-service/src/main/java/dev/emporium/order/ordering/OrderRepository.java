package dev.emporium.order.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.emporium.contracts.Money;
import dev.emporium.order.catalog.Sku;
import dev.emporium.platform.paging.SortWhitelist;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code orders.orders} with their {@code orders.order_items}. */
@Repository
class OrderRepository {

    private static final SortWhitelist SORTING = SortWhitelist.tiebreaker("id")
            .property("createdAt", "created_at")
            .property("total", "total_amount")
            .property("status", "status")
            .defaultSort(Sort.by(Sort.Direction.DESC, "createdAt"));

    private static final String COLUMNS = "id, customer_id, status, total_amount, currency, shipping_name,"
            + " shipping_line1, shipping_line2, shipping_city, shipping_postal_code, shipping_country, created_at";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        Optional<OrderHeader> header = reader.admin()
                ? jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                        .param("id", id.value())
                        .query(OrderRepository::header)
                        .optional()
                : jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id AND customer_id = :customer")
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

    private static OrderHeader header(ResultSet rs, int row) throws SQLException {
        return new OrderHeader(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                OrderStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("total_amount"), rs.getString("currency")),
                new ShippingAddress(rs.getString("shipping_name"), rs.getString("shipping_line1"),
                        rs.getString("shipping_line2"), rs.getString("shipping_city"),
                        rs.getString("shipping_postal_code"), rs.getString("shipping_country")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** An order row before its lines are attached. */
    private record OrderHeader(UUID id, UUID customerId, OrderStatus status, Money total,
            ShippingAddress shippingAddress, Instant createdAt) {

        Order toOrder(List<LineRow> lines) {
            String currency = total.currency();
            return new Order(new OrderId(id), new CustomerId(customerId), status,
                    lines.stream()
                            .map(line -> new OrderLine(line.sku(), line.quantity(),
                                    new Money(line.unitPriceAmount(), currency)))
                            .toList(),
                    total, shippingAddress, createdAt);
        }
    }

    /** One {@code order_items} row; its prices are in the currency of its order. */
    private record LineRow(UUID orderId, Sku sku, int quantity, long unitPriceAmount) {
    }
}

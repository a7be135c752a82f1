package dev.emporium.payment.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.emporium.contracts.Money;
import dev.emporium.platform.paging.SortWhitelist;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code payments.payments}. */
@Repository
class PaymentRepository {

    private static final SortWhitelist SORTING = SortWhitelist.tiebreaker("id")
            .property("createdAt", "created_at")
            .property("updatedAt", "updated_at")
            .property("amount", "amount")
            .property("status", "status")
            .defaultSort(Sort.by(Sort.Direction.DESC, "createdAt"));

    private static final String COLUMNS = "id, order_id, customer_id, amount, currency, status, psp_reference,"
            + " decline_reason, created_at, updated_at";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the payments the reader may see, newest first unless the request sorts otherwise, optionally only the
     * one of an order.
     */
    Page<Payment> find(PaymentReader reader, OrderId orderId, Pageable pageable) {
        String orderBy = SORTING.orderBy(pageable.getSort());
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!reader.admin()) {
            conditions.add("customer_id = :customer");
            params.put("customer", reader.customer().value());
        }
        if (orderId != null) {
            conditions.add("order_id = :orderId");
            params.put("orderId", orderId.value());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Payment> content = jdbc
                .sql("SELECT " + COLUMNS + " FROM payments" + where + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(PaymentRepository::payment)
                .list();
        String countSql = "SELECT count(*) FROM payments" + where;
        return PageableExecutionUtils.getPage(content, pageable,
                () -> jdbc.sql(countSql).params(params).query(Long.class).single());
    }

    /** The payment, if it exists and the reader may see it: to a customer, another's payment does not exist. */
    Optional<Payment> findById(PaymentId id, PaymentReader reader) {
        if (reader.admin()) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id")
                    .param("id", id.value())
                    .query(PaymentRepository::payment)
                    .optional();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id AND customer_id = :customer")
                .param("id", id.value())
                .param("customer", reader.customer().value())
                .query(PaymentRepository::payment)
                .optional();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(new PaymentId(rs.getObject("id", UUID.class)),
                new OrderId(rs.getObject("order_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                new Money(rs.getLong("amount"), rs.getString("currency")),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("psp_reference"),
                rs.getString("decline_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}

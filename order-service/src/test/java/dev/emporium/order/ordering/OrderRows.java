package dev.emporium.order.ordering;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds order rows for tests and inserts them as the service's own role. */
final class OrderRows {

    private UUID id = UUID.randomUUID();

    private UUID customerId = UUID.randomUUID();

    private String status = "PENDING_PAYMENT";

    private Instant createdAt = Instant.parse("2025-01-01T00:00:00Z");

    private String line2;

    private final List<Line> lines = new ArrayList<>();

    private record Line(String sku, int quantity, long unitPrice) {
    }

    private OrderRows() {
    }

    static OrderRows anOrder() {
        return new OrderRows();
    }

    OrderRows id(UUID id) {
        this.id = id;
        return this;
    }

    OrderRows customer(UUID customerId) {
        this.customerId = customerId;
        return this;
    }

    OrderRows status(String status) {
        this.status = status;
        return this;
    }

    OrderRows createdAt(String instant) {
        this.createdAt = Instant.parse(instant);
        return this;
    }

    OrderRows addressLine2(String line2) {
        this.line2 = line2;
        return this;
    }

    OrderRows line(String sku, int quantity, long unitPrice) {
        lines.add(new Line(sku, quantity, unitPrice));
        return this;
    }

    /** Inserts the order with a total that is the sum of its lines, and answers its id. */
    UUID insert(JdbcClient jdbc) {
        long total = lines.stream().mapToLong(line -> line.quantity() * line.unitPrice()).sum();
        jdbc.sql("""
                INSERT INTO orders (id, customer_id, status, total_amount, currency, shipping_name, shipping_line1,
                                    shipping_line2, shipping_city, shipping_postal_code, shipping_country, created_at)
                VALUES (:id, :customerId, :status, :total, 'EUR', 'Ada Lovelace', '12 St James''s Square',
                        :line2, 'London', 'SW1Y 4JH', 'GB', :createdAt)
                """)
                .param("id", id)
                .param("customerId", customerId)
                .param("status", status)
                .param("total", total)
                .param("line2", line2)
                .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .update();
        for (Line line : lines) {
            jdbc.sql("""
                    INSERT INTO order_items (order_id, sku, quantity, unit_price_amount)
                    VALUES (:orderId, :sku, :quantity, :unitPrice)
                    """)
                    .param("orderId", id)
                    .param("sku", line.sku())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice())
                    .update();
        }
        return id;
    }
}

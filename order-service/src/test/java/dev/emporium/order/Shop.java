package dev.emporium.order;

import java.util.Map;
import java.util.UUID;

import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The service under test as its clients and its database see it: products to order, orders placed over HTTP, and
 * what the tables hold afterwards.
 */
public final class Shop {

    /** An administrator, for the endpoints only they may call. */
    public static final UUID ADMIN = UUID.fromString("a0a0a0a0-1111-4222-8333-444455556666");

    private final int port;

    private final JdbcClient jdbc;

    public Shop(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /** Adds a product priced in EUR, or resets its price and stock if it exists. */
    public void product(String sku, long price, int stock) {
        product(sku, price, "EUR", stock);
    }

    public void product(String sku, long price, String currency, int stock) {
        jdbc.sql("""
                INSERT INTO products (sku, name, description, price_amount, currency, stock)
                VALUES (:sku, :name, 'For tests.', :price, :currency, :stock)
                ON CONFLICT (sku) DO UPDATE SET price_amount = :price, currency = :currency, stock = :stock
                """)
                .param("sku", sku)
                .param("name", "Product " + sku)
                .param("price", price)
                .param("currency", currency)
                .param("stock", stock)
                .update();
    }

    public int stock(String sku) {
        return jdbc.sql("SELECT stock FROM products WHERE sku = :sku").param("sku", sku).query(Integer.class).single();
    }

    /** The order's status as the table holds it. */
    public String status(UUID order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", order).query(String.class).single();
    }

    public long orderCount() {
        return jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
    }

    /** How many events of the type (e.g. {@code OrderConfirmed}) the outbox holds for the order. */
    public long events(UUID order, String name) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_key = :key AND event_type = :type")
                .param("key", order.toString())
                .param("type", "dev.emporium.order." + name)
                .query(Long.class)
                .single();
    }

    public long outboxSize() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }

    /** A request body for {@code POST /api/orders} with the given SKUs and quantities. */
    public static String orderBody(Map<String, Integer> items) {
        StringBuilder json = new StringBuilder("{\"items\": [");
        String separator = "";
        for (Map.Entry<String, Integer> item : items.entrySet()) {
            json.append(separator).append("{\"sku\": \"").append(item.getKey()).append("\", \"quantity\": ")
                    .append(item.getValue()).append('}');
            separator = ", ";
        }
        return json.append("""
                ], "shippingAddress": {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
                    "postalCode": "SW1Y 4JH", "country": "GB"},
                 "paymentMethod": "pm_card_visa"}""").toString();
    }

    public static String orderBody(String sku, int quantity) {
        return orderBody(Map.of(sku, quantity));
    }

    /** Places an order as the customer and answers the reply. */
    public Reply place(UUID customer, String body, String... headers) {
        return asCustomer(customer).post("/api/orders", body, headers);
    }

    /** Places an order that must succeed, and answers its id. */
    public UUID placed(UUID customer, String sku, int quantity) {
        Reply reply = place(customer, orderBody(sku, quantity));
        if (reply.status() != 201) {
            throw new AssertionError("Placing an order failed: " + reply);
        }
        return UUID.fromString(reply.json().path("id").stringValue());
    }

    /** The order as its customer reads it over HTTP. */
    public JsonNode read(UUID customer, UUID order) {
        return http(TestTokens.customer(customer)).get("/api/orders/" + order).json();
    }

    public HttpCalls asCustomer(UUID customer) {
        return new HttpCalls(port, TestTokens.customer(customer));
    }

    public HttpCalls asAdmin() {
        return new HttpCalls(port, TestTokens.admin(ADMIN));
    }

    public TestHttp http(String token) {
        return new TestHttp(port).withBearer(token);
    }
}

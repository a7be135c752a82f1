package dev.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import dev.emporium.launcher.LocalPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a customer hears from notification-service, through the gateway: a confirmed order reaches them as an e-mail
 * (read back from the launcher's SMTP sink) and on their open live stream (Server-Sent Events), is listed in their
 * feed, and goes with their account when they erase it.
 *
 * <p>The first order a freshly started platform sees walks every cold code path (the relays, the consumers' first
 * fetch, the first SMTP connection, the JIT); one is placed and its e-mail awaited before the test, so that the 5 s
 * are measured on a platform that has sent an e-mail, as it has in use.
 */
@PlatformTest
class NotificationsIT {

    /** From sending a paid order until its confirmation is both in the customer's mailbox and on their stream. */
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(5);

    /** The erasure follows one more event (UserErased) and is only eventually visible; so is the cold first order. */
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(30);

    /** Well inside the gateway's per-user rate limit of 50 requests per second. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalPlatform platform;

    private final String gateway;

    NotificationsIT(LocalPlatform platform) {
        this.platform = platform;
        this.gateway = platform.gatewayUrl();
    }

    @BeforeAll
    static void anOrderConfirmationHasBeenSentOnce(LocalPlatform platform) {
        NotificationsIT notifications = new NotificationsIT(platform);
        Accounts.Session customer = Accounts.newCustomer(notifications.gateway);
        long sent = System.nanoTime();
        String orderId = notifications.placePaidOrder(customer);
        await("the first order's confirmation e-mail").atMost(SETTLED_WITHIN).pollInterval(POLL_INTERVAL)
            .until(() -> notifications.email(customer.email(), confirmedSubject(orderId)).isPresent());
        System.out.println("[notifications] the first order's confirmation, " + orderId + ", was in the mailbox "
            + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms after the order was sent");
    }

    @Test
    void aConfirmedOrderReachesItsCustomerByEmailAndOnTheLiveStreamAndGoesWithTheirAccount() throws SQLException {
        Accounts.Session customer = Accounts.newCustomer(gateway);
        String subject;
        JsonNode streamed;
        try (EventStream stream = EventStream.open(gateway + "/api/notifications/stream", customer.accessToken())) {
            HttpResponse.ResponseInfo response = stream.awaitResponse(Duration.ofSeconds(10));
            assertThat(response.statusCode()).as("the stream's status").isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            // notification-service writes this comment as soon as the stream opens: the gateway must pass it on at once
            await("the stream's opening comment, through the gateway").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> stream.comments().stream().anyMatch(comment -> comment.startsWith("notifications after")));

            long sent = System.nanoTime();
            String orderId = placePaidOrder(customer);
            subject = confirmedSubject(orderId);

            await("the confirmation of order " + orderId + " in " + customer.email() + "'s mailbox and on the stream")
                .atMost(DELIVERED_WITHIN).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL)
                .untilAsserted(() -> {
                    assertThat(email(customer.email(), subject)).as("e-mail").isPresent();
                    assertThat(stream.event(notification(subject))).as("streamed notification").isPresent();
                });
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            System.out.println("[notifications] order " + orderId + " confirmed by e-mail and on the stream "
                + took.toMillis() + " ms after it was sent");
            assertThat(took).as("from sending the order until both arrived").isLessThanOrEqualTo(DELIVERED_WITHIN);

            EventStream.Event event = stream.event(notification(subject)).orElseThrow();
            assertThat(event.id()).as("the event id is the feed position").matches("\\d+");
            streamed = JSON.readTree(event.data());
            assertThat(streamed.get("recipientId").asString()).isEqualTo(customer.userId());
            assertThat(streamed.get("channel").asString()).isEqualTo("EMAIL");
            assertThat(stream.failure()).as("the stream ended with an error").isEmpty();

            String email = email(customer.email(), subject).orElseThrow().get("mimeMessage").asString();
            assertThat(email).as("the e-mail, as the SMTP sink received it")
                .containsPattern("(?m)^To: .*<" + Pattern.quote(customer.email()) + ">\\r?$")
                .containsPattern("(?m)^X-Emporium-Notification-Id: " + streamed.get("id").asString() + "\\r?$")
                .contains(orderId);
        }

        JsonNode listed = notificationWithId(Http.get(gateway + "/api/notifications", customer.accessToken()),
            streamed.get("id").asString());
        assertThat(listed.get("subject").asString()).isEqualTo(subject);
        assertThat(listed.get("read").asBoolean()).isFalse();
        notificationWithId(Http.get(gateway + "/api/notifications?unread=true", customer.accessToken()),
            streamed.get("id").asString());
        assertThat(storedFor(customer.userId())).as("notifications stored for the customer before the erasure")
            .isPositive();

        HttpResponse<String> erased = Http.delete(gateway + "/api/auth/me", customer.accessToken());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

        await("notification-service has erased " + customer.userId()).atMost(SETTLED_WITHIN)
            .pollInterval(POLL_INTERVAL)
            .untilAsserted(() -> assertThat(storedFor(customer.userId())).as("notifications and recipient copy")
                .isZero());
        assertThat(erasedRecipient(customer.userId())).as("the erased user's id, kept to drop late events").isTrue();
        // the access token stays valid for a few minutes; what it can read of the feed is gone as well
        HttpResponse<String> afterwards = Http.get(gateway + "/api/notifications", customer.accessToken());
        assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(200);
        assertThat(Http.json(afterwards).get("content")).as("the erased customer's feed").isEmpty();
    }

    private static String confirmedSubject(String orderId) {
        return "Your order " + orderId + " is confirmed";
    }

    private static Predicate<EventStream.Event> notification(String subject) {
        return event -> event.name().equals("notification") && event.data().contains("\"subject\":\"" + subject + "\"");
    }

    /**
     * The customer's e-mail with this subject, from the SMTP sink's API; its mailbox does not exist (400) until the
     * first e-mail to the address has arrived.
     */
    private Optional<JsonNode> email(String address, String subject) {
        HttpResponse<String> mailbox = Http.get(platform.mailboxUrl(address));
        if (mailbox.statusCode() == 400 && mailbox.body().contains("not found")) {
            return Optional.empty();
        }
        assertThat(mailbox.statusCode()).as(mailbox.uri() + ": " + mailbox.body()).isEqualTo(200);
        return StreamSupport.stream(Http.json(mailbox).spliterator(), false)
            .filter(message -> message.path("subject").asString("").equals(subject))
            .findFirst();
    }

    private static JsonNode notificationWithId(HttpResponse<String> page, String id) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<JsonNode> content = new ArrayList<>();
        Http.json(page).get("content").forEach(content::add);
        return content.stream().filter(notification -> notification.get("id").asString().equals(id)).findFirst()
            .orElseThrow(() -> new AssertionError(page.uri() + " does not list notification " + id + ": " + page.body()));
    }

    /** Rows notification-service keeps about a user: their notifications and their recipient copy. */
    private long storedFor(String userId) throws SQLException {
        return count("SELECT (SELECT count(*) FROM notifications.notifications WHERE recipient_id = ?)"
            + " + (SELECT count(*) FROM notifications.recipients WHERE user_id = ?)", userId, userId);
    }

    private boolean erasedRecipient(String userId) throws SQLException {
        return count("SELECT count(*) FROM notifications.erased_recipients WHERE user_id = ?", userId) == 1;
    }

    /** Read as notification-service's own role, the only one that can see its schema. */
    private long count(String sql, String... userIds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(platform.postgresJdbcUrl(), "notification_service",
            platform.rolePassword("notification_service")); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < userIds.length; i++) {
                query.setObject(i + 1, UUID.fromString(userIds[i]));
            }
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getLong(1);
            }
        }
    }

    /** One item of the demo product with the most stock, paid with the simulator's always-accepted card. */
    private String placePaidOrder(Accounts.Session customer) {
        HttpResponse<String> products = Http.get(gateway + "/api/products?size=100&sort=sku");
        assertThat(products.statusCode()).as(products.body()).isEqualTo(200);
        JsonNode product = null;
        for (JsonNode candidate : Http.json(products).get("content")) {
            if (product == null || candidate.get("stock").asInt() > product.get("stock").asInt()) {
                product = candidate;
            }
        }
        assertThat(product).as("a product in the demo catalog").isNotNull();
        assertThat(product.get("stock").asInt()).as("stock of " + product.get("sku").asString()).isPositive();
        String body = """
            {"items": [{"sku": "%s", "quantity": 1}],
             "shippingAddress": {"name": "Ada Lovelace", "line1": "12 Analytical Row", "city": "London",
                                 "postalCode": "N1 9GU", "country": "GB"},
             "paymentMethod": "pm_card_visa"}""".formatted(product.get("sku").asString());
        HttpResponse<String> placed = Http.postJson(gateway + "/api/orders", customer.accessToken(), body,
            "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return Http.json(placed).get("id").asString();
    }

    /**
     * A Server-Sent Events client on java.net.http: the response body arrives line by line as the server flushes it
     * and is parsed as the HTML standard says (fields {@code id}, {@code event}, {@code data}; a blank line ends an
     * event; a line starting with a colon is a comment). Closing it drops the connection.
     */
    static final class EventStream implements Flow.Subscriber<String>, AutoCloseable {

        /** One dispatched event; {@code name} is {@code message} when the server named none. */
        record Event(String id, String name, String data) {
        }

        private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        private final CompletableFuture<HttpResponse.ResponseInfo> response = new CompletableFuture<>();
        private final List<Event> events = new CopyOnWriteArrayList<>();
        private final List<String> comments = new CopyOnWriteArrayList<>();
        private volatile Flow.Subscription subscription;
        private volatile Throwable failure;

        // the event being read; touched by the subscriber's thread only
        private String lastEventId = "";
        private String name = "";
        private final StringBuilder data = new StringBuilder();
        private boolean hasData;

        private EventStream() {
        }

        static EventStream open(String url, String accessToken) {
            EventStream stream = new EventStream();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
            stream.client.sendAsync(request, info -> {
                stream.response.complete(info);
                return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
            }).whenComplete((ignored, error) -> {
                if (error != null) {
                    stream.failure = error;
                    stream.response.completeExceptionally(error);
                }
            });
            return stream;
        }

        /** Status and headers, once they have arrived. */
        HttpResponse.ResponseInfo awaitResponse(Duration within) {
            try {
                return response.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("no response headers from the stream within " + within + ": " + e, e);
            }
        }

        Optional<Event> event(Predicate<Event> matching) {
            return events.stream().filter(matching).findFirst();
        }

        List<String> comments() {
            return List.copyOf(comments);
        }

        /** Why the stream ended, when it ended with an error rather than by {@link #close()}. */
        Optional<Throwable> failure() {
            return Optional.ofNullable(failure);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (hasData) {
                    events.add(new Event(lastEventId, name.isEmpty() ? "message" : name, data.toString()));
                }
                name = "";
                data.setLength(0);
                hasData = false;
                return;
            }
            if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
                return;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> lastEventId = value;
                case "event" -> name = value;
                case "data" -> {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                }
                default -> {
                    // retry and unknown fields change nothing a test looks at
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            failure = error;
        }

        @Override
        public void onComplete() {
            // the server ended the stream; what arrived stays readable
        }

        @Override
        public void close() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
            client.shutdownNow();
        }
    }
}

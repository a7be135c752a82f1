package dev.emporium.notification.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.emporium.notification.feed.TestNotifications.aPendingEmail;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ServiceIntegrationTest(schema = "notifications", role = "notification_service", kafka = true)
class NotificationFeedIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00.123456Z");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonMapper json = JsonMapper.shared();

    @LocalServerPort
    private int port;

    @Autowired
    private NotificationRepository notifications;

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void emptyTheFeed() {
        this.jdbc.sql("delete from notifications").update();
    }

    @Test
    void anEmptyFeedIsAnEmptyFirstPage() {
        HttpResponse<String> response = get("/api/notifications");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = read(response);
        assertThat(page.propertyNames()).containsExactlyInAnyOrder("content", "page");
        assertThat(page.get("content").isArray()).isTrue();
        assertThat(page.get("content").isEmpty()).isTrue();
        assertPage(page, 20, 0, 0, 0);
    }

    @Test
    void listsNewestFirstOnePageAtATime() {
        List<Notification> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Notification notification = aPendingEmail().createdAt(T0.plusSeconds(i)).build();
            this.notifications.insert(notification);
            oldestFirst.add(notification);
        }

        JsonNode first = read(get("/api/notifications?size=2"));
        JsonNode second = read(get("/api/notifications?size=2&page=1"));
        JsonNode last = read(get("/api/notifications?size=2&page=2"));

        assertThat(ids(first)).containsExactly(idOf(oldestFirst.get(4)), idOf(oldestFirst.get(3)));
        assertThat(ids(second)).containsExactly(idOf(oldestFirst.get(2)), idOf(oldestFirst.get(1)));
        assertThat(ids(last)).containsExactly(idOf(oldestFirst.get(0)));
        assertPage(first, 2, 0, 5, 3);
        assertPage(last, 2, 2, 5, 3);
    }

    @Test
    void notificationsCreatedInTheSameMicrosecondAreEachListedOnce() {
        List<String> inserted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Notification notification = aPendingEmail().createdAt(T0).build();
            this.notifications.insert(notification);
            inserted.add(idOf(notification));
        }

        List<String> listed = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            listed.addAll(ids(read(get("/api/notifications?size=1&page=" + page))));
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(inserted).doesNotHaveDuplicates();
    }

    @Test
    void aSortParameterDoesNotChangeTheOrder() {
        Notification older = aPendingEmail().createdAt(T0).build();
        Notification newer = aPendingEmail().createdAt(T0.plusSeconds(60)).build();
        this.notifications.insert(older);
        this.notifications.insert(newer);

        for (String sort : List.of("createdAt,asc", "subject;drop table notifications", "no_such_column")) {
            HttpResponse<String> response = get("/api/notifications?sort=" + sort.replace(" ", "%20"));

            assertThat(response.statusCode()).as(sort).isEqualTo(200);
            assertThat(ids(read(response))).as(sort).containsExactly(idOf(newer), idOf(older));
        }
    }

    @Test
    void pageSizeIsCapped() {
        HttpResponse<String> response = get("/api/notifications?size=1000");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(read(response).path("page").path("size").asInt()).isEqualTo(100);
    }

    @Test
    void nonsensePagingParametersFallBackToDefaults() {
        HttpResponse<String> response = get("/api/notifications?page=-3&size=abc");

        assertThat(response.statusCode()).isEqualTo(200);
        assertPage(read(response), 20, 0, 0, 0);
    }

    @Test
    void aNotificationIsReadableByItsIdWithEveryField() {
        RecipientId recipient = new RecipientId(UUID.randomUUID());
        Notification notification = aPendingEmail().to(recipient)
            .onChannel(Channel.IN_APP)
            .withSubject("Payment received")
            .createdAt(T0)
            .sentAt(T0.plusSeconds(2))
            .readAt(T0.plusSeconds(90))
            .build();
        this.notifications.insert(notification);

        HttpResponse<String> response = get("/api/notifications/" + notification.id());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = read(response);
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "recipientId", "channel", "subject", "body",
                "status", "read", "createdAt", "sentAt", "readAt");
        assertThat(body.get("id").asString()).isEqualTo(notification.id().toString());
        assertThat(body.get("recipientId").asString()).isEqualTo(recipient.toString());
        assertThat(body.get("channel").asString()).isEqualTo("IN_APP");
        assertThat(body.get("subject").asString()).isEqualTo("Payment received");
        assertThat(body.get("body").asString()).isEqualTo(notification.body());
        assertThat(body.get("status").asString()).isEqualTo("SENT");
        assertThat(body.get("read").asBoolean()).isTrue();
        assertThat(Instant.parse(body.get("createdAt").asString())).isEqualTo(T0);
        assertThat(Instant.parse(body.get("sentAt").asString())).isEqualTo(T0.plusSeconds(2));
        assertThat(Instant.parse(body.get("readAt").asString())).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void theRepositoryReturnsWhatItStored() {
        Notification failed = aPendingEmail().createdAt(T0).failed().build();

        this.notifications.insert(failed);

        assertThat(this.notifications.findById(failed.id())).contains(failed);
    }

    @Test
    void anUnreadPendingNotificationHasNoTimesButItsCreation() {
        Notification notification = aPendingEmail().createdAt(T0).build();
        this.notifications.insert(notification);

        JsonNode body = read(get("/api/notifications/" + notification.id()));

        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("read").asBoolean()).isFalse();
        assertThat(body.get("sentAt").isNull()).isTrue();
        assertThat(body.get("readAt").isNull()).isTrue();
    }

    @Test
    void unknownNotificationAnswers404Problem() {
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> response = get("/api/notifications/" + unknown);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = read(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/notification-not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).contains(unknown.toString());
    }

    @Test
    void malformedNotificationIdAnswers400Problem() {
        HttpResponse<String> response = get("/api/notifications/not-a-uuid");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(read(response).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void readinessIsUpAndCoversTheDatabaseAndKafka() {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = read(response);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusEndpointAnswersWithTheServiceTag() {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes", "service=\"notification-service\"");
    }

    private static void assertPage(JsonNode body, int size, int number, long totalElements, int totalPages) {
        JsonNode page = body.get("page");
        assertThat(page.get("size").asInt()).isEqualTo(size);
        assertThat(page.get("number").asInt()).isEqualTo(number);
        assertThat(page.get("totalElements").asLong()).isEqualTo(totalElements);
        assertThat(page.get("totalPages").asInt()).isEqualTo(totalPages);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("content").valueStream().map(notification -> notification.get("id").asString()).toList();
    }

    private static String idOf(Notification notification) {
        return notification.id().toString();
    }

    private HttpResponse<String> get(String path) {
        try {
            URI uri = URI.create("http://127.0.0.1:" + this.port + path);
            HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        return this.json.readTree(response.body());
    }

}

package dev.emporium.notification.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.emporium.testsupport.ServiceIntegrationTest;
import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestHttp.Reply;
import dev.emporium.testsupport.TestTokens;
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
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The feed as it is stored: no events consumed, no e-mails sent, in this context.
        "spring.kafka.listener.auto-startup=false", "emporium.notification.mail.enabled=false",
        "emporium.notification.stream.poll-interval=100ms" })
@ServiceIntegrationTest(schema = "notifications", role = "notification_service", kafka = true)
class NotificationFeedIT {

    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00.123456Z");

    private static final RecipientId ADA = new RecipientId(UUID.fromString("5b0f6f8e-2c7d-4a61-9a0e-6f1d3c2b1a00"));

    private static final RecipientId GRACE = new RecipientId(UUID.fromString("0d3e1c9a-7b42-4f8e-8c11-2a9b5e6f7d01"));

    private static final UUID ADMIN = UUID.fromString("a0a0a0a0-1111-4222-8333-444455556666");

    @LocalServerPort
    private int port;

    @Autowired
    private NotificationRepository notifications;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private NotificationFeed feed;

    /** An administrator, who reads every user's notifications. */
    private TestHttp admin;

    @BeforeEach
    void emptyTheFeed() {
        this.admin = as(TestTokens.admin(ADMIN));
        this.jdbc.sql("delete from notifications").update();
    }

    @Test
    void anEmptyFeedIsAnEmptyFirstPage() {
        Reply response = this.admin.get("/api/notifications");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
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

        JsonNode first = this.admin.get("/api/notifications?size=2").json();
        JsonNode second = this.admin.get("/api/notifications?size=2&page=1").json();
        JsonNode last = this.admin.get("/api/notifications?size=2&page=2").json();

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
            listed.addAll(ids(this.admin.get("/api/notifications?size=1&page=" + page).json()));
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
            Reply response = this.admin.get("/api/notifications?sort=" + sort.replace(" ", "%20"));

            assertThat(response.status()).as(sort).isEqualTo(200);
            assertThat(ids(response.json())).as(sort).containsExactly(idOf(newer), idOf(older));
        }
    }

    @Test
    void pageSizeIsCapped() {
        Reply response = this.admin.get("/api/notifications?size=1000");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("page").path("size").asInt()).isEqualTo(100);
    }

    @Test
    void nonsensePagingParametersFallBackToDefaults() {
        Reply response = this.admin.get("/api/notifications?page=-3&size=abc");

        assertThat(response.status()).isEqualTo(200);
        assertPage(response.json(), 20, 0, 0, 0);
    }

    @Test
    void aUserReadsTheirNotificationByItsIdWithEveryField() {
        RecipientId recipient = new RecipientId(UUID.randomUUID());
        Notification notification = aPendingEmail().to(recipient)
            .onChannel(Channel.IN_APP)
            .withSubject("Payment received")
            .createdAt(T0)
            .sentAt(T0.plusSeconds(2))
            .readAt(T0.plusSeconds(90))
            .build();
        this.notifications.insert(notification);

        Reply response = asUser(recipient).get("/api/notifications/" + notification.id());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
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

        assertThat(this.notifications.findById(failed.id(), new FeedReader(failed.recipientId(), false)))
            .contains(failed);
    }

    @Test
    void anUnreadPendingNotificationHasNoTimesButItsCreation() {
        Notification notification = aPendingEmail().createdAt(T0).build();
        this.notifications.insert(notification);

        JsonNode body = this.admin.get("/api/notifications/" + notification.id()).json();

        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("read").asBoolean()).isFalse();
        assertThat(body.get("sentAt").isNull()).isTrue();
        assertThat(body.get("readAt").isNull()).isTrue();
    }

    @Test
    void unknownNotificationAnswers404Problem() {
        UUID unknown = UUID.randomUUID();

        JsonNode problem = this.admin.get("/api/notifications/" + unknown).problem(404);

        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/notification-not-found");
        assertThat(problem.get("detail").asString()).contains(unknown.toString());
    }

    @Test
    void malformedNotificationIdAnswers400ProblemNamingTheParameter() {
        JsonNode problem = asUser(ADA).get("/api/notifications/not-a-uuid").problem(400);

        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/invalid-parameter");
        assertThat(problem.get("detail").asString()).startsWith("'id' must be a UUID").contains("'not-a-uuid'");
    }

    @Test
    void aUserListsOnlyTheNotificationsAddressedToThem() {
        Notification adas = aPendingEmail().to(ADA).createdAt(T0).build();
        Notification gracesOlder = aPendingEmail().to(GRACE).createdAt(T0.plusSeconds(1)).build();
        Notification gracesNewer = aPendingEmail().to(GRACE).createdAt(T0.plusSeconds(2)).build();
        List.of(adas, gracesOlder, gracesNewer).forEach(this.notifications::insert);

        JsonNode adasFeed = asUser(ADA).get("/api/notifications").json();
        JsonNode gracesFeed = asUser(GRACE).get("/api/notifications").json();
        JsonNode everything = this.admin.get("/api/notifications").json();

        assertThat(ids(adasFeed)).containsExactly(idOf(adas));
        assertPage(adasFeed, 20, 0, 1, 1);
        assertThat(ids(gracesFeed)).containsExactly(idOf(gracesNewer), idOf(gracesOlder));
        assertPage(gracesFeed, 20, 0, 2, 1);
        assertThat(ids(everything)).containsExactly(idOf(gracesNewer), idOf(gracesOlder), idOf(adas));
    }

    @Test
    void aUsersPagesCountOnlyTheirOwnNotifications() {
        this.notifications.insert(aPendingEmail().to(ADA).createdAt(T0).build());
        this.notifications.insert(aPendingEmail().to(GRACE).createdAt(T0).build());
        this.notifications.insert(aPendingEmail().to(GRACE).createdAt(T0).build());

        JsonNode first = asUser(ADA).get("/api/notifications?size=1").json();

        assertPage(first, 1, 0, 1, 1);
    }

    @Test
    void anotherUsersNotificationIsNotFoundLikeAnUnknownOne() {
        Notification graces = aPendingEmail().to(GRACE).createdAt(T0).build();
        this.notifications.insert(graces);

        JsonNode problem = asUser(ADA).get("/api/notifications/" + graces.id()).problem(404);
        JsonNode unknown = asUser(ADA).get("/api/notifications/" + UUID.randomUUID()).problem(404);

        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/notification-not-found");
        assertThat(problem.get("detail").asString()).isEqualTo("No notification with id '" + graces.id() + "'");
        assertThat(problem.propertyNames()).containsExactlyInAnyOrderElementsOf(unknown.propertyNames());
        assertThat(problem.get("title")).isEqualTo(unknown.get("title"));
        assertThat(problem.toString()).doesNotContain(GRACE.toString()).doesNotContain(graces.subject());
    }

    @Test
    void anAdministratorReadsAnyUsersNotification() {
        Notification graces = aPendingEmail().to(GRACE).createdAt(T0).build();
        this.notifications.insert(graces);

        Reply response = this.admin.get("/api/notifications/" + graces.id());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("recipientId").asString()).isEqualTo(GRACE.toString());
    }

    @Test
    void theUnreadFilterListsOnlyUnreadNotificationsAndCountsOnlyThem() {
        Notification read = aPendingEmail().to(ADA).createdAt(T0).readAt(T0.plusSeconds(5)).build();
        Notification unreadOlder = aPendingEmail().to(ADA).createdAt(T0.plusSeconds(1)).build();
        Notification unreadNewer = aPendingEmail().to(ADA).createdAt(T0.plusSeconds(2)).build();
        Notification gracesUnread = aPendingEmail().to(GRACE).createdAt(T0.plusSeconds(3)).build();
        List.of(read, unreadOlder, unreadNewer, gracesUnread).forEach(this.notifications::insert);

        JsonNode unread = asUser(ADA).get("/api/notifications?unread=true").json();
        JsonNode all = asUser(ADA).get("/api/notifications?unread=false").json();

        assertThat(ids(unread)).containsExactly(idOf(unreadNewer), idOf(unreadOlder));
        assertPage(unread, 20, 0, 2, 1);
        assertThat(ids(all)).containsExactly(idOf(unreadNewer), idOf(unreadOlder), idOf(read));
    }

    @Test
    void anUnreadFilterThatIsNoBooleanAnswers400Problem() {
        JsonNode problem = asUser(ADA).get("/api/notifications?unread=maybe").problem(400);

        assertThat(problem.get("detail").asString()).contains("unread");
    }

    @Test
    void aUserMarksTheirNotificationReadOnceAndItLeavesTheUnreadList() {
        Notification notification = aPendingEmail().to(ADA).createdAt(T0).build();
        this.notifications.insert(notification);

        Reply first = asUser(ADA).post("/api/notifications/" + notification.id() + "/read", "");
        Reply again = asUser(ADA).post("/api/notifications/" + notification.id() + "/read", "");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("read").asBoolean()).isTrue();
        Instant readAt = Instant.parse(first.json().get("readAt").asString());
        assertThat(readAt).isAfterOrEqualTo(T0);
        assertThat(Instant.parse(again.json().get("readAt").asString())).as("the first reading counts")
            .isEqualTo(readAt);
        assertThat(ids(asUser(ADA).get("/api/notifications?unread=true").json())).isEmpty();
    }

    @Test
    void markingAnotherUsersNotificationReadIsNotFoundAndChangesNothing() {
        Notification graces = aPendingEmail().to(GRACE).createdAt(T0).build();
        this.notifications.insert(graces);

        JsonNode problem = asUser(ADA).post("/api/notifications/" + graces.id() + "/read", "").problem(404);
        this.admin.post("/api/notifications/" + graces.id() + "/read", "").problem(404);
        asUser(ADA).post("/api/notifications/" + UUID.randomUUID() + "/read", "").problem(404);

        assertThat(problem.get("type").asString()).isEqualTo("https://emporium.dev/problems/notification-not-found");
        assertThat(this.notifications.findById(graces.id(), new FeedReader(GRACE, false)).orElseThrow().isRead())
            .isFalse();
    }

    @Test
    void theStreamPushesTheCallersNotificationsStoredAfterConnecting() {
        RecipientId listener = new RecipientId(UUID.randomUUID());
        try (TestEventStream stream = TestEventStream.connect(this.port, TestTokens.customer(listener.value()),
                null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");

            this.feed.add(new RecipientId(UUID.randomUUID()), Channel.IN_APP, "Not yours", "Someone else's", null);
            Notification pushed = this.feed.add(listener, Channel.IN_APP, "Live news", "It just happened", null);

            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events().isEmpty());
            TestEventStream.Event event = stream.events().get(0);
            assertThat(event.name()).isEqualTo("notification");
            assertThat(event.id()).isEqualTo(Long.toString(this.feed.lastSequence(listener)));
            JsonNode data = JsonMapper.shared().readTree(event.data());
            assertThat(data.get("id").asString()).isEqualTo(pushed.id().toString());
            assertThat(data.get("subject").asString()).isEqualTo("Live news");
            assertThat(data.get("recipientId").asString()).isEqualTo(listener.toString());
            assertThat(stream.events()).hasSize(1);
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsTheMissedNotificationsFirstInOrder() {
        RecipientId listener = new RecipientId(UUID.randomUUID());
        String token = TestTokens.customer(listener.value());
        String lastSeen;
        try (TestEventStream stream = TestEventStream.connect(this.port, token, null)) {
            this.feed.add(listener, Channel.IN_APP, "First", "Seen live", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events().size() == 1);
            lastSeen = stream.events().get(0).id();
        }
        this.feed.add(listener, Channel.IN_APP, "Second", "Missed while away", null);
        this.feed.add(listener, Channel.IN_APP, "Third", "Missed too", null);

        try (TestEventStream stream = TestEventStream.connect(this.port, token, lastSeen)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events().size() >= 2);
            this.feed.add(listener, Channel.IN_APP, "Fourth", "Live again", null);
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events().size() == 3);

            List<TestEventStream.Event> events = stream.events();
            assertThat(events).extracting(event -> JsonMapper.shared().readTree(event.data()).get("subject").asString())
                .containsExactly("Second", "Third", "Fourth");
            long first = Long.parseLong(lastSeen);
            assertThat(TestEventStream.ids(events)).containsExactly(Long.toString(first + 1),
                    Long.toString(first + 2), Long.toString(first + 3));
        }
    }

    @Test
    void theStreamNeedsATokenAndAWholeNumberAsLastEventId() {
        assertThat(new TestHttp(this.port).getText("/api/notifications/stream").status()).isEqualTo(401);

        try (TestEventStream stream = TestEventStream.connect(this.port, TestTokens.customer(UUID.randomUUID()),
                "yesterday")) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.contentType()).startsWith("application/problem+json");
        }
    }

    private TestHttp asUser(RecipientId user) {
        return as(TestTokens.customer(user.value()));
    }

    private TestHttp as(String accessToken) {
        return new TestHttp(this.port).withBearer(accessToken);
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

}

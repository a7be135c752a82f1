package dev.emporium.notification.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events client over real HTTP: connects, collects the events it receives in the background, and
 * hangs up on {@link #close()}. {@link #connect} returns once the response headers arrived, i.e. the stream is open.
 */
final class TestEventStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpResponse<Stream<String>> response;

    private final List<Event> events = new CopyOnWriteArrayList<>();

    private final Thread reader;

    private TestEventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static TestEventStream connect(int port, String accessToken, @Nullable String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/notifications/stream"))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + accessToken)
            .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new TestEventStream(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS));
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Could not open the stream", ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("The stream did not answer in time", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    int status() {
        return this.response.statusCode();
    }

    String contentType() {
        return this.response.headers().firstValue("Content-Type").orElse("");
    }

    /** The events received so far, in order. */
    List<Event> events() {
        return List.copyOf(this.events);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = this.response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || name != null) {
                        this.events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                }
                else if (line.startsWith("id:")) {
                    id = value(line);
                }
                else if (line.startsWith("event:")) {
                    name = value(line);
                }
                else if (line.startsWith("data:")) {
                    data.append(value(line));
                }
            }
        }
        catch (UncheckedIOException ex) {
            // hung up
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() {
        this.response.body().close();
        try {
            this.reader.join(Duration.ofSeconds(5));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** One event: its id, name and data. */
    record Event(@Nullable String id, @Nullable String name, String data) {
    }

    static List<String> ids(List<Event> events) {
        List<String> ids = new ArrayList<>();
        events.forEach(event -> ids.add(event.id()));
        return ids;
    }

}

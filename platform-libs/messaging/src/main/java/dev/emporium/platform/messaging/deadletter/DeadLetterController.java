package dev.emporium.platform.messaging.deadletter;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead-letter admin API, on services that enable it ({@code emporium.messaging.dead-letters.endpoint-enabled});
 * the service's security must restrict {@code /api/admin/**} to administrators.
 *
 * <ul>
 * <li>{@code GET /api/admin/dead-letters?topic=orders.v1&limit=100} lists the dead letters of a topic;</li>
 * <li>{@code POST /api/admin/dead-letters/replay} with {@code {"topic": "orders.v1", "partition": 0, "offset": 7}}
 * replays one, with {@code {"topic": "orders.v1"}} all that were not replayed yet.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    private static final URI UNKNOWN_TOPIC = URI.create("https://emporium.dev/problems/unknown-topic");

    private static final URI BAD_REPLAY = URI.create("https://emporium.dev/problems/invalid-replay-request");

    private static final URI NOT_FOUND = URI.create("https://emporium.dev/problems/dead-letter-not-found");

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    DeadLetterList list(@RequestParam String topic, @RequestParam(defaultValue = "100") int limit) {
        try {
            return deadLetters.list(topic, limit);
        }
        catch (IllegalArgumentException ex) {
            throw problem(HttpStatus.BAD_REQUEST, UNKNOWN_TOPIC, ex.getMessage());
        }
    }

    @PostMapping("/replay")
    ReplayResult replay(@RequestBody ReplayRequest request) {
        if ((request.partition() == null) != (request.offset() == null)) {
            throw problem(HttpStatus.BAD_REQUEST, BAD_REPLAY,
                    "Name both partition and offset to replay one dead letter, or neither to replay all");
        }
        try {
            return request.partition() == null ? deadLetters.replayAll(request.topic())
                    : deadLetters.replay(request.topic(), request.partition(), request.offset());
        }
        catch (IllegalArgumentException ex) {
            throw problem(HttpStatus.BAD_REQUEST, UNKNOWN_TOPIC, ex.getMessage());
        }
        catch (DeadLetterNotFoundException ex) {
            throw problem(HttpStatus.NOT_FOUND, NOT_FOUND, ex.getMessage());
        }
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return new ErrorResponseException(status, problem, null);
    }

    /**
     * @param topic the domain topic, e.g. {@code orders.v1}
     * @param partition with {@code offset}, the one dead letter to replay; both absent replays all
     * @param offset see {@code partition}
     */
    record ReplayRequest(String topic, @Nullable Integer partition, @Nullable Long offset) {
    }
}

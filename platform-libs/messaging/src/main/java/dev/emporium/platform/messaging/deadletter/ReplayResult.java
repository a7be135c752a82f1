package dev.emporium.platform.messaging.deadletter;

import java.util.List;

/**
 * What a replay sent back to the original topic.
 *
 * @param topic the original topic
 * @param replayed the dead-letter records sent again, by partition and offset
 * @param skipped records left out because they had been replayed before (replay of all only)
 */
public record ReplayResult(String topic, List<Position> replayed, int skipped) {

    /** A record's place on the dead-letter topic. */
    public record Position(int partition, long offset) {
    }
}

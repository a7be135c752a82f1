package dev.emporium.platform.messaging.deadletter;

import java.util.List;

/**
 * The dead letters of one topic, oldest first.
 *
 * @param topic the domain topic asked about
 * @param deadLetterTopic where its failed records are
 * @param total how many records the dead-letter topic holds
 * @param records the first {@code limit} of them
 */
public record DeadLetterList(String topic, String deadLetterTopic, int total, List<DeadLetter> records) {
}

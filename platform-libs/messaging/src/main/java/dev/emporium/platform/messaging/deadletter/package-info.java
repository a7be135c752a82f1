/**
 * Dead letters: the error handler every {@code @KafkaListener} gets (bounded exponential retries, then
 * {@code <topic>.DLT}), and {@link dev.emporium.platform.messaging.deadletter.DeadLetters} with its optional admin
 * API to list dead letters and replay them onto their topic.
 */
@NullMarked
package dev.emporium.platform.messaging.deadletter;

import org.jspecify.annotations.NullMarked;

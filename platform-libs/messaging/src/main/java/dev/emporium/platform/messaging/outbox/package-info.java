/**
 * The transactional outbox: {@link dev.emporium.platform.messaging.outbox.Outbox} writes an event in the caller's
 * transaction, the relay publishes it to Kafka after the commit (woken by LISTEN/NOTIFY, at least once, in order
 * per aggregate, safe in every replica), carrying the writer's trace context, and reports its lag as metrics.
 */
@NullMarked
package dev.emporium.platform.messaging.outbox;

import org.jspecify.annotations.NullMarked;

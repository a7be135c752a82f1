/**
 * The messaging starter every service depends on: where its tables live and how they get there
 * ({@link dev.emporium.platform.messaging.MessagingDatabase}), the event envelope's JSON
 * ({@link dev.emporium.platform.messaging.EventEnvelopeJson}) and Kafka (de)serializers, the event schemas
 * ({@link dev.emporium.platform.messaging.EventSchemas}), consumer defaults and housekeeping. The outbox, the inbox
 * and dead-letter handling each have a package of their own.
 */
@NullMarked
package dev.emporium.platform.messaging;

import org.jspecify.annotations.NullMarked;

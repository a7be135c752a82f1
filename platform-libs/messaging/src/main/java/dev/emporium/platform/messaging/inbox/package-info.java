/**
 * The inbox: {@link dev.emporium.platform.messaging.inbox.Inbox} records each handled event id per consumer in the
 * transaction of its effect, so that a redelivered event changes nothing twice.
 */
@NullMarked
package dev.emporium.platform.messaging.inbox;

import org.jspecify.annotations.NullMarked;

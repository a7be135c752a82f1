/**
 * The notification feed: stored notifications (the {@code notifications.notifications} table) and reading them,
 * newest first: a user reads the notifications addressed to them, an administrator every notification.
 * <p>
 * Rows are written by this service only; the consumers of domain events and the e-mail sender will add them and
 * move them from {@code PENDING} to {@code SENT} or {@code FAILED}.
 */
@NullMarked
package dev.emporium.notification.feed;

import org.jspecify.annotations.NullMarked;

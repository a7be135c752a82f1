/**
 * The notification feed: stored notifications (the {@code notifications.notifications} table) and each
 * recipient's feed position counter ({@code feed_positions}). Writing a notification ({@code PENDING}), reading
 * them newest first (all or the unread ones), marking one read, and reading "everything after position n" for the
 * live stream: a user reads the notifications addressed to them, an administrator every notification.
 * <p>
 * Rows are written by this service only: the consumers of domain events add them, and the e-mail delivery moves
 * them from {@code PENDING} to {@code SENT} or {@code FAILED}.
 */
@NullMarked
package dev.emporium.notification.feed;

import org.jspecify.annotations.NullMarked;

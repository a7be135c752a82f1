/**
 * The HTTP side of the notification feed: {@code GET /api/notifications} (paged, newest first) and
 * {@code GET /api/notifications/{id}}, answering response records rather than stored rows, and only those the
 * caller's access token may read.
 */
@NullMarked
package dev.emporium.notification.feed.web;

import org.jspecify.annotations.NullMarked;

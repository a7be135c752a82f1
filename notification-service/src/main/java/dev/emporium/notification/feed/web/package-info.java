/**
 * The HTTP side of the notification feed: {@code GET /api/notifications} (paged, newest first, {@code ?unread=true}),
 * {@code GET /api/notifications/{id}}, {@code POST /api/notifications/{id}/read} and the live stream
 * {@code GET /api/notifications/stream} (Server-Sent Events, resumable with {@code Last-Event-ID}), answering
 * response records rather than stored rows, and only those the caller's access token may read.
 * <p>
 * Several replicas: every open stream polls the database ({@code emporium.notification.stream.poll-interval}), so
 * it sees notifications whichever replica stored them; no replica needs to know which one holds a client.
 */
@NullMarked
package dev.emporium.notification.feed.web;

import org.jspecify.annotations.NullMarked;

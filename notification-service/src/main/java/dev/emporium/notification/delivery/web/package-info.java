/**
 * The administrators' side of e-mail delivery: {@code GET /api/admin/notifications/failed} (paged, newest first)
 * and {@code POST /api/admin/notifications/{id}/retry}. The whole of {@code /api/admin/**} needs the ADMIN role.
 */
@NullMarked
package dev.emporium.notification.delivery.web;

import org.jspecify.annotations.NullMarked;

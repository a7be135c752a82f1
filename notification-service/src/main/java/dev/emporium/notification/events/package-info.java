/**
 * The consumers of domain events: users.v1 keeps the recipient copy (and erases it), orders.v1 and payments.v1
 * become stored e-mail notifications. Each event is handled once, through the messaging starter's inbox, in the
 * same transaction as the notification it stores; the e-mail itself goes out after the commit (see
 * {@code delivery}).
 */
@NullMarked
package dev.emporium.notification.events;

import org.jspecify.annotations.NullMarked;

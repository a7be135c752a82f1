/**
 * Recipients: this service's copy of the user data it needs to send e-mails (user id, e-mail address, display
 * name), replicated from auth-service's events into {@code notifications.recipients}, and the ids of erased users
 * ({@code erased_recipients}, no personal data) so that late events about them are dropped. See ADR 0007.
 */
@NullMarked
package dev.emporium.notification.recipient;

import org.jspecify.annotations.NullMarked;

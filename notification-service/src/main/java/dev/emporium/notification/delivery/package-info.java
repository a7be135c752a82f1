/**
 * E-mail delivery: sends the pending e-mail notifications over SMTP ({@code spring.mail.*}, Spring's
 * {@code JavaMailSender}) as plain text with an HTML alternative, behind a Resilience4j circuit breaker, with
 * bounded attempts and a growing back-off ({@code emporium.notification.mail.*}). Safe in every replica: due rows
 * are locked with {@code FOR UPDATE SKIP LOCKED}. Administrators list failed e-mails and send one again.
 * <p>
 * It reads the delivery columns of {@code notifications} and the addresses in {@code recipients}; it never creates
 * or deletes either.
 */
@NullMarked
package dev.emporium.notification.delivery;

import org.jspecify.annotations.NullMarked;

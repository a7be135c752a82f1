/**
 * The messages this service sends: plain-text and HTML templates kept in the service ({@code classpath:mail/}),
 * rendered with escaping this package controls (values are escaped for HTML, never for the plain text).
 */
@NullMarked
package dev.emporium.notification.message;

import org.jspecify.annotations.NullMarked;

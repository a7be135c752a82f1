/**
 * Request ids: every exchange carries an {@code X-Request-Id}, kept from the client when it is
 * well-formed and generated otherwise, forwarded upstream and echoed on every response.
 */
@NullMarked
package dev.emporium.gateway.requestid;

import org.jspecify.annotations.NullMarked;

/**
 * The access log: one line per client request the gateway answered, written inside the request's trace so that the
 * line carries its trace and span ids like every service's log lines of the same request.
 */
@NullMarked
package dev.emporium.gateway.accesslog;

import org.jspecify.annotations.NullMarked;

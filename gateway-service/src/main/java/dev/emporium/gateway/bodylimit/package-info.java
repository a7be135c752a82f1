/**
 * The request body cap: a body larger than {@code emporium.gateway.max-request-body-size} is
 * answered {@code 413} problem details, whether its size is declared up front
 * ({@code Content-Length}) or only found out while it streams ({@code chunked}).
 */
@NullMarked
package dev.emporium.gateway.bodylimit;

import org.jspecify.annotations.NullMarked;

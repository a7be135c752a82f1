/**
 * What every Emporium service sets up the same way: operational defaults (virtual threads, probes, Prometheus,
 * structured logs, graceful shutdown, paging), problem details for every error, and the Kafka health check.
 * A service's own {@code application.yml} then says only what is special about it.
 */
package dev.emporium.platform.defaults;

/**
 * What the services' tests share. Real PostgreSQL and Kafka for integration tests: the servers start once per test
 * JVM — Testcontainers when a Docker engine answers, otherwise the same servers embedded (zonky PostgreSQL and an
 * in-process KRaft broker) — and each test class gets a database of its own, reached as the service's own role.
 * Besides: {@link dev.emporium.testsupport.TestHttp} to call a service as a client would,
 * {@link dev.emporium.testsupport.ServiceOperationsChecks} for the probes, metrics and build info every service
 * answers, and {@link dev.emporium.testsupport.ServiceArchitecture} for the layout rules.
 */
package dev.emporium.testsupport;

/**
 * Real PostgreSQL and Kafka for the services' integration tests. The servers start once per test JVM —
 * Testcontainers when a Docker engine answers, otherwise the same servers embedded (zonky PostgreSQL and an
 * in-process KRaft broker) — and each test class gets a database of its own, reached as the service's own role.
 */
package dev.emporium.testsupport;

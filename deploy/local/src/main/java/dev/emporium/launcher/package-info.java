/**
 * Runs the whole Emporium platform on one machine without Docker: an embedded PostgreSQL with one
 * login role and schema per service, a real Kafka broker in its own JVM, the payment-provider simulator
 * (WireMock standalone on the committed stubs) in its own JVM, an SMTP sink whose mail can be read back over HTTP
 * (GreenMail standalone) in its own JVM, an optional Zipkin trace store and the five services as separate JVMs with
 * the OpenTelemetry agent attached.
 *
 * <p>{@link dev.emporium.launcher.LocalPlatform} is the API that tests use; {@link dev.emporium.launcher.Cli}
 * is the thin command line on top of it that the {@code platform} script calls.
 */
package dev.emporium.launcher;

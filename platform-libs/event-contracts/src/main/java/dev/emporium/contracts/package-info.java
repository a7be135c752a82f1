/**
 * Event contracts shared by producers and consumers: topic names ({@link dev.emporium.contracts.Topics}), the
 * envelope every event travels in ({@link dev.emporium.contracts.EventEnvelope}) and how event types are named
 * ({@link dev.emporium.contracts.EventType}), the value types every API and event carries
 * ({@link dev.emporium.contracts.Money}), and the event records of each producing service in a package of its own
 * ({@code dev.emporium.contracts.auth}, ...). Each event type has a JSON Schema under
 * {@code schemas/<producer>/<Name>.v<version>.json}, the language-neutral contract that producers and consumers test
 * against. Free of any framework so that every service can depend on it.
 */
package dev.emporium.contracts;

/**
 * Event contracts shared by producers and consumers: topic names, the value types every API and event carries
 * ({@link dev.emporium.contracts.Money}), and event records with their JSON Schemas as the services start
 * publishing. Free of any framework so that every service can depend on it.
 */
package dev.emporium.contracts;

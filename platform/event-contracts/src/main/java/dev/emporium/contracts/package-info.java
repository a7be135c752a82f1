/**
 * Event contracts shared by producers and consumers: topic names now, event records and their JSON Schemas as the
 * services start publishing. Free of any framework so that every service can depend on it.
 */
package dev.emporium.contracts;

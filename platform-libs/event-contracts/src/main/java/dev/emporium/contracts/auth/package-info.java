/**
 * Events produced by auth-service, on {@link dev.emporium.contracts.Topics#USERS}, keyed by user id. Each record
 * names its {@link dev.emporium.contracts.EventType}; the JSON Schemas under {@code schemas/auth/} are the contract.
 */
package dev.emporium.contracts.auth;

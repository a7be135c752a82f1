package dev.emporium.testsupport;

/**
 * A database created for one test class, with one schema owned by the role the service connects as.
 *
 * @param name the database name
 * @param schema the schema the role owns
 * @param jdbcUrl where the service connects
 * @param username the service's role
 * @param password the role's password
 */
public record TestDatabase(String name, String schema, String jdbcUrl, String username, String password) {
}

package dev.emporium.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A running PostgreSQL server, shared by the test classes of one JVM. Each class asks for a database of its own, so
 * that tests never see each other's rows, and reaches it as the service's role so that privileges are tested too.
 */
public abstract class PostgresServer {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String rolePassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

    /** A line for the test output saying which server this is. */
    public abstract String description();

    /** The JDBC URL of a database on this server. */
    public abstract String jdbcUrl(String database);

    /** A superuser connection to a database on this server. */
    public abstract Connection adminConnection(String database) throws SQLException;

    /** Creates a database holding {@code schema}, owned by the login role {@code role}, which is created if needed. */
    public synchronized TestDatabase createDatabase(String schema, String role) {
        requireIdentifier(schema);
        requireIdentifier(role);
        String database = "test_" + DATABASES.incrementAndGet() + "_" + schema;
        try {
            try (Connection admin = adminConnection("postgres"); Statement sql = admin.createStatement()) {
                sql.execute("CREATE DATABASE " + database);
                sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "CREATE ROLE " + role + " LOGIN; END IF; END $$");
                sql.execute("ALTER ROLE " + role + " LOGIN PASSWORD '" + rolePassword + "'");
            }
            try (Connection admin = adminConnection(database); Statement sql = admin.createStatement()) {
                sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
                sql.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create test database " + database + " for role " + role, ex);
        }
        return new TestDatabase(database, schema, jdbcUrl(database), role, rolePassword);
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL identifier: '" + name + "'");
        }
    }

    abstract void stop();
}

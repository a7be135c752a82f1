package dev.emporium.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;

/**
 * The embedded PostgreSQL of the local platform: one database, one schema per service owned by that service's
 * login role, nothing in {@code public} for anyone. Role passwords are new on every start, so a password copied
 * out of an old log never works again.
 */
public final class PlatformDatabase implements AutoCloseable {

    public static final String DATABASE = "emporium";
    private static final String SUPERUSER = "postgres";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The superuser keeps trust on loopback because the launcher administers the cluster with it; every other
     * role must present its password, which is what makes the per-start passwords mean something.
     */
    private static final String PG_HBA = """
        # Written by the Emporium local launcher on every start.
        local all postgres              trust
        host  all postgres 127.0.0.1/32 trust
        host  all postgres ::1/128      trust
        local all all                   scram-sha-256
        host  all all      127.0.0.1/32 scram-sha-256
        host  all all      ::1/128      scram-sha-256
        """;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final int port;
    private final Map<String, String> passwords;

    private PlatformDatabase(EmbeddedPostgres postgres, Path dataDirectory, int port, Map<String, String> passwords) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.passwords = passwords;
    }

    /**
     * Starts PostgreSQL on {@code 127.0.0.1:port} with its data in {@code dataDirectory} (created by initdb on the
     * first start, reused after), then creates or updates the database, roles and schemas.
     */
    public static PlatformDatabase start(Path dataDirectory, int port, Path log, List<SchemaOwner> owners)
        throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(log.getParent());
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("password_encryption", "scram-sha-256")
            .setPGStartupWait(Duration.ofSeconds(60))
            .setOutputRedirector(toLog)
            .setErrorRedirector(toLog)
            .setDataDirectoryCustomizer(dir -> writeHostBasedAuthentication(dir.toPath()))
            .start();
        PlatformDatabase database = new PlatformDatabase(postgres, dataDirectory, port, new LinkedHashMap<>());
        try {
            database.provision(owners);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw new IOException("could not prepare database '" + DATABASE + "': " + e.getMessage(), e);
        }
        return database;
    }

    private static void writeHostBasedAuthentication(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void provision(List<SchemaOwner> owners) throws SQLException {
        try (Connection admin = superuserConnection("postgres"); Statement sql = admin.createStatement()) {
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                sql.execute("CREATE DATABASE " + DATABASE);
            }
            sql.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            for (SchemaOwner owner : owners) {
                String password = newPassword();
                String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", owner.role()) ? "ALTER" : "CREATE";
                // DDL takes no bind parameters; the password is base64url, so it cannot close the literal
                sql.execute(verb + " ROLE " + owner.role() + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                    + " PASSWORD '" + password + "'");
                sql.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + owner.role());
                passwords.put(owner.role(), password);
            }
        }
        try (Connection admin = superuserConnection(DATABASE); Statement sql = admin.createStatement()) {
            sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            for (SchemaOwner owner : owners) {
                sql.execute("CREATE SCHEMA IF NOT EXISTS " + owner.schema() + " AUTHORIZATION " + owner.role());
                sql.execute("ALTER SCHEMA " + owner.schema() + " OWNER TO " + owner.role());
                sql.execute("REVOKE ALL ON SCHEMA " + owner.schema() + " FROM PUBLIC");
                sql.execute("ALTER ROLE " + owner.role() + " IN DATABASE " + DATABASE
                    + " SET search_path = " + owner.schema());
            }
        }
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The password generated for a role at this start. */
    public String rolePassword(String role) {
        String password = passwords.get(role);
        if (password == null) {
            throw new IllegalArgumentException("no role '" + role + "', known roles: " + passwords.keySet());
        }
        return password;
    }

    /** The postmaster's pid, read from the pid file PostgreSQL writes into its data directory. */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are ended, committed data stays). */
    @Override
    public void close() {
        long pid = pid();
        try {
            postgres.close();
        } catch (IOException e) {
            // falls through to the pid check below
        }
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(left -> ManagedProcess.stop(left, Duration.ofSeconds(10)));
        }
    }
}

package dev.emporium.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Boots only the PostgreSQL part of the platform, on shifted ports, and checks that schemas are walled off. */
class PlatformDatabaseIT {

    private static final PortPlan PORTS = PortPlan.withOffset(200);
    private static final Path DATA = Path.of("target/it-postgres").toAbsolutePath();
    private static final List<SchemaOwner> OWNERS = List.of(
        new SchemaOwner("auth", "auth_service"), new SchemaOwner("orders", "order_service"));

    private static PlatformDatabase database;

    @BeforeAll
    static void startPostgres() throws IOException {
        deleteRecursively(DATA);
        database = start();
        System.out.println("Infrastructure: embedded PostgreSQL " + Versions.postgres() + " (zonky) at "
            + database.jdbcUrl() + ", postmaster pid " + database.pid());
    }

    private static PlatformDatabase start() throws IOException {
        return PlatformDatabase.start(DATA.resolve("postgres"), PORTS.postgres(), DATA.resolve("postgres.log"), OWNERS);
    }

    @AfterAll
    static void stopPostgres() {
        if (database != null) {
            database.close();
        }
    }

    private static Connection connectAs(String role) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), role, database.rolePassword(role));
    }

    @Test
    void aServiceRoleCreatesTablesInItsOwnSchema() throws SQLException {
        try (Connection orders = connectAs("order_service"); Statement sql = orders.createStatement()) {
            sql.execute("CREATE TABLE orders.probe (id int PRIMARY KEY)");
            sql.execute("INSERT INTO orders.probe VALUES (1)");
            // the role's search_path is its schema, so unqualified names land there too
            sql.execute("CREATE TABLE unqualified_probe (id int)");

            try (var rows = sql.executeQuery("SELECT count(*) FROM orders.probe")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            try (var rows = sql.executeQuery("SELECT table_schema FROM information_schema.tables"
                + " WHERE table_name = 'unqualified_probe'")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("orders");
            }
        }
    }

    @Test
    void aServiceRoleIsDeniedAnotherServicesSchema() throws SQLException {
        try (Connection auth = connectAs("auth_service"); Statement sql = auth.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS auth.users (id uuid PRIMARY KEY, email text)");
        }
        try (Connection orders = connectAs("order_service"); Statement sql = orders.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("SELECT * FROM auth.users"))
                .isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied for schema auth");
            assertThatThrownBy(() -> sql.execute("CREATE TABLE public.sneaky (id int)"))
                .isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void aWrongPasswordIsRejected() {
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "order_service", "guessed"))
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void aRestartKeepsTheDataButIssuesNewPasswords() throws Exception {
        try (Connection orders = connectAs("order_service"); Statement sql = orders.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS orders.kept (id int)");
        }
        String before = database.rolePassword("order_service");

        database.close();
        database = start();

        assertThat(database.rolePassword("order_service")).isNotEqualTo(before);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "order_service", before))
            .isInstanceOf(SQLException.class);
        try (Connection orders = connectAs("order_service"); Statement sql = orders.createStatement();
             var rows = sql.executeQuery("SELECT count(*) FROM orders.kept")) {
            assertThat(rows.next()).isTrue();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }
}

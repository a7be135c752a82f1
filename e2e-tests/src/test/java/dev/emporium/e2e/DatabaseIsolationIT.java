package dev.emporium.e2e;

import dev.emporium.launcher.LocalPlatform;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each service's database role reaches its own schema and nothing else, on the running platform. */
@PlatformTest
class DatabaseIsolationIT {

    @Test
    void orderServiceCannotReadTheUsersOfAuthService(LocalPlatform platform) throws SQLException {
        try (Connection orders = DriverManager.getConnection(platform.postgresJdbcUrl(), "order_service",
            platform.rolePassword("order_service")); Statement sql = orders.createStatement()) {

            try (ResultSet products = sql.executeQuery("SELECT count(*) FROM orders.products")) {
                assertThat(products.next()).isTrue();
                assertThat(products.getLong(1)).isPositive();
            }
            assertThatThrownBy(() -> sql.executeQuery("SELECT * FROM auth.users"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied for schema auth");
        }
    }
}

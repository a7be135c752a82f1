package dev.emporium.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in a container, for machines where a Docker engine runs. */
final class ContainerPostgresServer extends PostgresServer {

    private final PostgreSQLContainer container;

    private ContainerPostgresServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgresServer start(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String description() {
        return "PostgreSQL container " + container.getDockerImageName() + " (Testcontainers) on "
                + container.getHost() + ":" + container.getFirstMappedPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
    }

    @Override
    public Connection adminConnection(String database) throws SQLException {
        return connect(jdbcUrl(database), container.getUsername(), container.getPassword());
    }

    @Override
    void stop() {
        container.stop();
    }
}

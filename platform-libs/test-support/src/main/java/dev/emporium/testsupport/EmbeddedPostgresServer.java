package dev.emporium.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL started from the zonky binaries on a free port, its data in a temporary directory. */
final class EmbeddedPostgresServer extends PostgresServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder().start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
        }
    }

    @Override
    public String description() {
        return "embedded PostgreSQL (zonky) on 127.0.0.1:" + postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Override
    public Connection adminConnection(String database) throws SQLException {
        return connect(jdbcUrl(database), "postgres", "");
    }

    @Override
    void stop() {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

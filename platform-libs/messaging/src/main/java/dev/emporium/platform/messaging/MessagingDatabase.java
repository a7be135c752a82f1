package dev.emporium.platform.messaging;

import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Where the messaging tables live: the service's own schema, reached through the service's own data source and role.
 *
 * <p>The tables come from this starter's migrations under {@code classpath:db/emporium-messaging}, applied by a
 * Flyway run of their own that keeps its history in {@code messaging_schema_history}. The service's migrations keep
 * {@code flyway_schema_history} and their own version numbers, so neither side can take the other's {@code V1}.
 */
public final class MessagingDatabase {

    /** The starter's migrations. */
    public static final String MIGRATIONS = "classpath:db/emporium-messaging";

    /** The starter's Flyway history table, beside the service's own. */
    public static final String HISTORY_TABLE = "messaging_schema_history";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,50}");

    private final DataSource dataSource;

    private final String schema;

    public MessagingDatabase(DataSource dataSource, String schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("emporium.messaging.schema must be a plain lower-case schema name such"
                    + " as 'orders', was '" + schema + "'");
        }
        this.schema = schema;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    /** A table of the starter, qualified with the schema so that no search path can redirect it. */
    public String table(String name) {
        return schema + "." + name;
    }

    /** The channel the outbox's insert trigger notifies, one per schema (several services may share a database). */
    public String outboxChannel() {
        return schema + "_outbox";
    }

    /** Creates or upgrades the starter's tables; safe when several replicas start at once (Flyway locks). */
    public void migrate() {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .table(HISTORY_TABLE)
                .locations(MIGRATIONS)
                // The schema already holds the service's tables: start this history at 0 rather than refuse.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}

package dev.emporium.launcher;

import java.util.Arrays;
import java.util.Optional;

/** The five service JVMs the launcher starts, with what each needs from the infrastructure. */
enum ServiceModule {

    GATEWAY("gateway-service", 8080, null, null, false),
    AUTH("auth-service", 8081, "auth", "auth_service", true),
    ORDER("order-service", 8082, "orders", "order_service", true),
    PAYMENT("payment-service", 8083, "payments", "payment_service", true),
    NOTIFICATION("notification-service", 8084, "notifications", "notification_service", true);

    private final String module;
    private final int basePort;
    private final String schema;
    private final String role;
    private final boolean usesKafka;

    ServiceModule(String module, int basePort, String schema, String role, boolean usesKafka) {
        this.module = module;
        this.basePort = basePort;
        this.schema = schema;
        this.role = role;
        this.usesKafka = usesKafka;
    }

    String module() {
        return module;
    }

    int basePort() {
        return basePort;
    }

    boolean usesDatabase() {
        return schema != null;
    }

    String schema() {
        return schema;
    }

    String role() {
        return role;
    }

    boolean usesKafka() {
        return usesKafka;
    }

    /** Accepts the module name ({@code order-service}) and its short form ({@code order}). */
    static Optional<ServiceModule> find(String name) {
        return Arrays.stream(values())
            .filter(s -> s.module.equals(name) || s.module.equals(name + "-service"))
            .findFirst();
    }

    static ServiceModule byModule(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
            "unknown service '" + name + "', expected one of "
                + Arrays.stream(values()).map(ServiceModule::module).toList()));
    }
}

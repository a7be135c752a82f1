package dev.emporium.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every port the local platform takes, all shifted by one offset so that a second platform (the
 * end-to-end tests, a colleague's checkout) can run next to a developer's own.
 */
public record PortPlan(int offset) {

    static final int POSTGRES = 15432;
    static final int KAFKA = 19092;
    static final int KAFKA_CONTROLLER = 19093;
    static final int ZIPKIN = 9411;
    static final int GATEWAY_MANAGEMENT = 9080;
    static final int PSP_SIMULATOR = 8089;
    static final int SMTP = 3025;
    static final int MAIL_API = 8025;

    /**
     * Ports of servers that already run on the machines Emporium is developed on (PostgreSQL, MariaDB, Redis,
     * RabbitMQ, Mosquitto, NATS); taking one would either fail or, worse, talk to the wrong server.
     */
    static final Map<Integer, String> FOREIGN = Map.of(
        5432, "PostgreSQL", 3306, "MariaDB/MySQL", 6379, "Redis", 5672, "RabbitMQ", 1883, "MQTT", 4222, "NATS");

    private static final int LOWEST = 1024;
    private static final int HIGHEST = 65535;

    public PortPlan {
        for (PortUse use : allPorts(offset)) {
            if (use.port() < LOWEST || use.port() > HIGHEST) {
                throw new IllegalArgumentException("--port-offset " + offset + " would put " + use.purpose()
                    + " on port " + use.port() + ", outside " + LOWEST + "-" + HIGHEST);
            }
            String owner = FOREIGN.get(use.port());
            if (owner != null) {
                throw new IllegalArgumentException("--port-offset " + offset + " would put " + use.purpose()
                    + " on port " + use.port() + ", which belongs to " + owner + "; choose another offset");
            }
        }
    }

    public static PortPlan withOffset(int offset) {
        return new PortPlan(offset);
    }

    public int postgres() {
        return POSTGRES + offset;
    }

    public int kafka() {
        return KAFKA + offset;
    }

    public int kafkaController() {
        return KAFKA_CONTROLLER + offset;
    }

    public int zipkin() {
        return ZIPKIN + offset;
    }

    public int gatewayManagement() {
        return GATEWAY_MANAGEMENT + offset;
    }

    /** The payment-provider simulator (WireMock) payment-service charges and refunds against. */
    public int pspSimulator() {
        return PSP_SIMULATOR + offset;
    }

    /** The SMTP sink (GreenMail) notification-service sends its e-mails to. */
    public int smtp() {
        return SMTP + offset;
    }

    /** The SMTP sink's HTTP API, where the e-mails it received are read back. */
    public int mailApi() {
        return MAIL_API + offset;
    }

    int service(ServiceModule service) {
        return service.basePort() + offset;
    }

    /** The port that answers {@code /actuator/**} for a service: its own port, the gateway's management port. */
    int management(ServiceModule service) {
        return service == ServiceModule.GATEWAY ? gatewayManagement() : service(service);
    }

    /** The ports a run with this traces mode takes; Zipkin's only when it is started. */
    List<PortUse> uses(TracesMode traces) {
        return allPorts(offset).stream()
            .filter(use -> traces == TracesMode.ZIPKIN || use.port() != ZIPKIN + offset)
            .toList();
    }

    private static List<PortUse> allPorts(int offset) {
        List<PortUse> uses = new ArrayList<>();
        uses.add(new PortUse(POSTGRES + offset, "embedded PostgreSQL"));
        uses.add(new PortUse(KAFKA + offset, "Kafka broker"));
        uses.add(new PortUse(KAFKA_CONTROLLER + offset, "Kafka KRaft controller"));
        uses.add(new PortUse(ZIPKIN + offset, "Zipkin trace store"));
        for (ServiceModule service : ServiceModule.values()) {
            String purpose = service == ServiceModule.GATEWAY ? "gateway-service public API" : service.module();
            uses.add(new PortUse(service.basePort() + offset, purpose));
        }
        uses.add(new PortUse(GATEWAY_MANAGEMENT + offset, "gateway-service management (actuator)"));
        uses.add(new PortUse(PSP_SIMULATOR + offset, "payment-provider simulator (WireMock)"));
        uses.add(new PortUse(SMTP + offset, "SMTP sink (GreenMail)"));
        uses.add(new PortUse(MAIL_API + offset, "SMTP sink's mail API (GreenMail)"));
        return uses;
    }
}

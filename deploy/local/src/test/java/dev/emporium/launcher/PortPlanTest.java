package dev.emporium.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortPlanTest {

    @Test
    void withoutOffsetUsesTheDocumentedPorts() {
        PortPlan plan = PortPlan.withOffset(0);

        assertThat(plan.postgres()).isEqualTo(15432);
        assertThat(plan.kafka()).isEqualTo(19092);
        assertThat(plan.kafkaController()).isEqualTo(19093);
        assertThat(plan.zipkin()).isEqualTo(9411);
        assertThat(plan.service(ServiceModule.GATEWAY)).isEqualTo(8080);
        assertThat(plan.gatewayManagement()).isEqualTo(9080);
        assertThat(plan.service(ServiceModule.AUTH)).isEqualTo(8081);
        assertThat(plan.service(ServiceModule.ORDER)).isEqualTo(8082);
        assertThat(plan.service(ServiceModule.PAYMENT)).isEqualTo(8083);
        assertThat(plan.service(ServiceModule.NOTIFICATION)).isEqualTo(8084);
        assertThat(plan.pspSimulator()).isEqualTo(8089);
        assertThat(plan.smtp()).isEqualTo(3025);
        assertThat(plan.mailApi()).isEqualTo(8025);
    }

    @Test
    void offsetShiftsEveryPortAndTheGatewayIsManagedOnItsOwnPort() {
        PortPlan plan = PortPlan.withOffset(100);

        assertThat(plan.uses(TracesMode.ZIPKIN)).extracting(PortUse::port).containsExactlyInAnyOrder(
            15532, 19192, 19193, 9511, 8180, 8181, 8182, 8183, 8184, 9180, 8189, 3125, 8125);
        assertThat(plan.management(ServiceModule.GATEWAY)).isEqualTo(9180);
        assertThat(plan.management(ServiceModule.ORDER)).isEqualTo(8182);
    }

    @Test
    void zipkinPortIsTakenOnlyWhenZipkinRuns() {
        assertThat(PortPlan.withOffset(0).uses(TracesMode.NONE)).extracting(PortUse::port).doesNotContain(9411);
        assertThat(PortPlan.withOffset(0).uses(TracesMode.LOGGING)).hasSize(12);
    }

    @Test
    void thePaymentProviderSimulatorPortIsCheckedWithEveryTracesModeAndSaysWhatItIsFor() {
        for (TracesMode traces : TracesMode.values()) {
            assertThat(PortPlan.withOffset(300).uses(traces)).as(traces.cliName())
                .contains(new PortUse(8389, "payment-provider simulator (WireMock)"));
        }
        // 8089 - 2417 = 5672 (RabbitMQ)
        assertThatThrownBy(() -> PortPlan.withOffset(-2417))
            .hasMessageContaining("payment-provider simulator (WireMock) on port 5672, which belongs to RabbitMQ");
    }

    @Test
    void theSmtpSinkPortsAreCheckedWithEveryTracesModeAndSayWhatTheyAreFor() {
        for (TracesMode traces : TracesMode.values()) {
            assertThat(PortPlan.withOffset(600).uses(traces)).as(traces.cliName())
                .contains(new PortUse(3625, "SMTP sink (GreenMail)"),
                    new PortUse(8625, "SMTP sink's mail API (GreenMail)"));
        }
        // 3025 + 2407 = 5432 (PostgreSQL), 8025 - 1646 = 6379 (Redis)
        assertThatThrownBy(() -> PortPlan.withOffset(2407))
            .hasMessageContaining("SMTP sink (GreenMail) on port 5432, which belongs to PostgreSQL");
        assertThatThrownBy(() -> PortPlan.withOffset(-1646))
            .hasMessageContaining("on port 6379, which belongs to Redis");
        // 3025 - 2002 = 1023
        assertThatThrownBy(() -> PortPlan.withOffset(-2002))
            .hasMessageContaining("SMTP sink (GreenMail) on port 1023, outside 1024-65535");
    }

    @Test
    void refusesOffsetsThatCollideWithServersOfThisMachine() {
        // 9411 - 4078 = 5333, 8084 - 2412 = 5672 (RabbitMQ)
        assertThatThrownBy(() -> PortPlan.withOffset(-2412))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("notification-service on port 5672, which belongs to RabbitMQ");
        // 9080 - 4858 = 4222 (NATS)
        assertThatThrownBy(() -> PortPlan.withOffset(-4858)).hasMessageContaining("4222");
        for (int reserved : PortPlan.FOREIGN.keySet()) {
            for (int base : new int[] {15432, 19092, 19093, 9411, 8080, 8081, 8082, 8083, 8084, 9080, 8089, 3025,
                8025}) {
                int offset = reserved - base;
                assertThatThrownBy(() -> PortPlan.withOffset(offset)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void refusesPortsOutsideTheUnprivilegedRange() {
        assertThatThrownBy(() -> PortPlan.withOffset(50_000)).hasMessageContaining("outside 1024-65535");
        assertThatThrownBy(() -> PortPlan.withOffset(-7100)).hasMessageContaining("outside 1024-65535");
    }
}

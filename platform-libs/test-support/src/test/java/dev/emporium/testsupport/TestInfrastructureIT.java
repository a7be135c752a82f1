package dev.emporium.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.emporium.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class TestInfrastructureIT {

    @Test
    void eachDatabaseBelongsToItsServiceRoleAndNothingElse() throws Exception {
        TestDatabase orders = TestInfrastructure.postgres().createDatabase("orders", "order_service");
        TestDatabase payments = TestInfrastructure.postgres().createDatabase("payments", "payment_service");

        assertThat(orders.name()).isNotEqualTo(payments.name());
        try (Connection connection = DriverManager.getConnection(orders.jdbcUrl(), orders.username(), orders.password());
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE orders.probe (id int PRIMARY KEY)");
            sql.execute("INSERT INTO orders.probe VALUES (1)");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("CREATE TABLE public.probe (id int)"))
                    .satisfies(ex -> assertThat(ex.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void theBrokerHasEveryPlatformTopicWithItsPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(topics).containsOnlyKeys(Topics.ALL);
            topics.values().forEach(topic -> assertThat(topic.partitions()).hasSize(KafkaServer.PARTITIONS));
        }
    }
}

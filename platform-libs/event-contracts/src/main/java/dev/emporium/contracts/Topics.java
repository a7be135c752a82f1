package dev.emporium.contracts;

import java.util.List;

/**
 * The Kafka topics of the platform. Keys are aggregate ids so that the events of one aggregate stay in order
 * on one partition; every topic has a dead-letter twin that receives records which failed after bounded retries.
 */
public final class Topics {

    /** Events of the order aggregate, produced by order-service. */
    public static final String ORDERS = "orders.v1";

    /** Events of the payment aggregate, produced by payment-service. */
    public static final String PAYMENTS = "payments.v1";

    /** Events of the user aggregate, produced by auth-service. */
    public static final String USERS = "users.v1";

    /** The domain topics, without their dead-letter twins. */
    public static final List<String> DOMAIN = List.of(ORDERS, PAYMENTS, USERS);

    /** Every topic the platform needs, dead-letter twins included. */
    public static final List<String> ALL = List.of(ORDERS, dlt(ORDERS), PAYMENTS, dlt(PAYMENTS), USERS, dlt(USERS));

    private static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    /** The dead-letter topic of a domain topic. */
    public static String dlt(String topic) {
        if (topic == null || topic.isBlank() || topic.endsWith(DLT_SUFFIX)) {
            throw new IllegalArgumentException("Not a domain topic: " + topic);
        }
        return topic + DLT_SUFFIX;
    }
}

package dev.emporium.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} against real servers: a fresh database holding {@link #schema()} owned by the
 * service's {@link #role()}, which is what the service connects as (never a superuser), and, with {@link #kafka()},
 * a real Kafka broker with the platform's topics.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface ServiceIntegrationTest {

    /** The schema the service owns, e.g. {@code orders}. */
    String schema();

    /** The database role the service connects as, e.g. {@code order_service}. */
    String role();

    /** Whether the service needs a Kafka broker. */
    boolean kafka() default false;
}

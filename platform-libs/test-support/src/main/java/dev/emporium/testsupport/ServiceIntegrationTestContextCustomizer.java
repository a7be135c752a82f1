package dev.emporium.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points one test class's context at its own database, the shared broker and the test token issuer's keys. The test class is part of the
 * identity, so every class gets a context — and a database — of its own rather than a cached neighbour's.
 */
record ServiceIntegrationTestContextCustomizer(Class<?> testClass, String schema, String role, boolean kafka)
        implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        TestDatabase database = TestInfrastructure.postgres().createDatabase(schema, role);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("emporium.security.jwks-uri", TestTokens.jwksUri());
        properties.put("emporium.security.issuer", TestTokens.ISSUER);
        properties.put("emporium.security.audience", TestTokens.AUDIENCE);
        if (kafka) {
            properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("emporiumTestInfrastructure", properties));
    }
}

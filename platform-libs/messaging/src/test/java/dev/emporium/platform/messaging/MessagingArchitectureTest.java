package dev.emporium.platform.messaging;

import dev.emporium.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The starter keeps the platform's layout rules: no cycles between its packages, no SQL in its controller, no service code. */
class MessagingArchitectureTest {

    @Test
    void theStarterKeepsThePlatformsLayoutRules() {
        ServiceArchitecture.verify("dev.emporium.platform.messaging");
    }
}

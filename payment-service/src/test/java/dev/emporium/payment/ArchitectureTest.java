package dev.emporium.payment;

import dev.emporium.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Keeps the package-by-feature rules true as the service grows. */
class ArchitectureTest {

    @Test
    void keepsThePlatformLayoutRules() {
        ServiceArchitecture.verify("dev.emporium.payment");
    }
}

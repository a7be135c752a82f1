package dev.emporium.auth;

import dev.emporium.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsThePlatformLayoutRules() {
        ServiceArchitecture.verify("dev.emporium.auth");
    }

}

package dev.emporium.payment;

import java.util.UUID;

import dev.emporium.testsupport.TestHttp;
import dev.emporium.testsupport.TestTokens;

/** HTTP against the service under test as a given caller. */
public record TestHttpClients(int port) {

    public TestHttp customer(UUID customerId) {
        return new TestHttp(port).withBearer(TestTokens.customer(customerId));
    }

    public TestHttp admin() {
        return new TestHttp(port).withBearer(TestTokens.admin(UUID.randomUUID()));
    }

    public TestHttp anonymous() {
        return new TestHttp(port);
    }
}

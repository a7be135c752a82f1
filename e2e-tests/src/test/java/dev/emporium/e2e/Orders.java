package dev.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Places orders through the gateway, as a client would. */
final class Orders {

    private Orders() {
    }

    /** Places an order of one product, shipped to a fixed address, with a fresh Idempotency-Key; expects 201. */
    static JsonNode place(String gateway, Accounts.Session customer, String sku, int quantity, String paymentMethod) {
        String body = """
            {"items": [{"sku": "%s", "quantity": %d}],
             "shippingAddress": {"name": "Ada Lovelace", "line1": "12 Analytical Row", "city": "London",
                                 "postalCode": "N1 9GU", "country": "GB"},
             "paymentMethod": "%s"}""".formatted(sku, quantity, paymentMethod);
        HttpResponse<String> response = Http.postJson(gateway + "/api/orders", customer.accessToken(), body,
            "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }
}

package dev.emporium.order.ordering;

import java.util.List;
import java.util.Map;

import dev.emporium.order.catalog.Sku;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewOrderTest {

    private static final PlaceOrderRequest.Address ADDRESS = new PlaceOrderRequest.Address("Ada Lovelace",
            "12 St James's Square", null, "London", "SW1Y 4JH", "GB");

    @Test
    void addsUpTheQuantitiesOfASkuListedTwiceAndSortsTheLinesBySku() {
        NewOrder order = request(List.of(item("MUG-1", 2), item("ANV-1", 1), item("MUG-1", 3))).toNewOrder();

        assertThat(order.quantities()).containsExactly(Map.entry(new Sku("ANV-1"), 1),
                Map.entry(new Sku("MUG-1"), 5));
    }

    @Test
    void theSameRequestHasTheSameFingerprintWhateverTheOrderOfItsItems() {
        String one = request(List.of(item("MUG-1", 2), item("ANV-1", 1))).toNewOrder().fingerprint();
        String other = request(List.of(item("ANV-1", 1), item("MUG-1", 2))).toNewOrder().fingerprint();

        assertThat(one).isEqualTo(other).hasSize(64);
    }

    @Test
    void anyDifferenceChangesTheFingerprint() {
        String base = request(List.of(item("MUG-1", 2))).toNewOrder().fingerprint();

        assertThat(request(List.of(item("MUG-1", 3))).toNewOrder().fingerprint()).isNotEqualTo(base);
        assertThat(request(List.of(item("MUG-2", 2))).toNewOrder().fingerprint()).isNotEqualTo(base);
        assertThat(new PlaceOrderRequest(List.of(item("MUG-1", 2)), ADDRESS, "pm_card_mastercard").toNewOrder()
                .fingerprint()).isNotEqualTo(base);
        assertThat(new PlaceOrderRequest(List.of(item("MUG-1", 2)), new PlaceOrderRequest.Address("Ada Lovelace",
                "12 St James's Square", "Flat 3", "London", "SW1Y 4JH", "GB"), "pm_card_visa").toNewOrder()
                .fingerprint()).isNotEqualTo(base);
    }

    private static PlaceOrderRequest request(List<PlaceOrderRequest.Item> items) {
        return new PlaceOrderRequest(items, ADDRESS, "pm_card_visa");
    }

    private static PlaceOrderRequest.Item item(String sku, int quantity) {
        return new PlaceOrderRequest.Item(sku, quantity);
    }
}

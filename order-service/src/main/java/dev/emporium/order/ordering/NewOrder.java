package dev.emporium.order.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

import dev.emporium.order.catalog.Sku;

/**
 * An order a customer asks for: how many of each product, where to, paid how.
 *
 * @param quantities one entry per SKU, in the order stock is locked in
 */
record NewOrder(SortedMap<Sku, Integer> quantities, ShippingAddress shippingAddress, String paymentMethod) {

    /**
     * A digest of the request as understood, so that a retry under the same idempotency key is recognised as the
     * same request whatever its formatting, key order or the order of its items, and a different one is not.
     */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<Sku, Integer> entry : quantities.entrySet()) {
            field(canonical, entry.getKey().value());
            field(canonical, entry.getValue().toString());
        }
        ShippingAddress address = shippingAddress;
        for (String value : new String[] { address.name(), address.line1(), address.line2(), address.city(),
                address.postalCode(), address.country(), paymentMethod }) {
            field(canonical, value);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }

    /** Length-prefixed, so that no two different requests write the same text. */
    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-;");
        }
        else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }
}

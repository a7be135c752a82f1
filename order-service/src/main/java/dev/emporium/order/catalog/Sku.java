package dev.emporium.order.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A product's stock keeping unit, its identity in the catalog and in order lines. The format keeps SKUs safe in
 * URLs, logs and event keys; Spring MVC binds a {@code {sku}} path variable through the constructor, so a malformed
 * one is a 400 before any query runs.
 */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Sku {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A SKU is 1 to 64 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit; was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

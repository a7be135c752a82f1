package dev.emporium.order.catalog;

import dev.emporium.contracts.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the catalog's administrator endpoints. */
final class ProductRequests {

    static final String SKU_FORMAT = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** One line of text, without control characters (PostgreSQL refuses a NUL byte in text). */
    static final String ONE_LINE = "[^\\p{Cntrl}]*";

    /** Text that may span lines, still without NUL or other control characters but line breaks and tabs. */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    static final String NO_CONTROLS = "must not contain control characters";

    private ProductRequests() {
    }

    /** A price as clients send it; checked here so that a bad one is a field error, not an unreadable body. */
    record Price(@NotNull @Min(0) @Max(100_000_000_000L) Long amount,
            @NotNull @CurrencyCode String currency) {

        Money toMoney() {
            return new Money(amount, currency);
        }
    }

    /** {@code POST /api/products}. */
    record NewProduct(
            @NotNull @Pattern(regexp = SKU_FORMAT,
                    message = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
            String sku,
            @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String name,
            @Size(max = 2000) @Pattern(regexp = TEXT, message = NO_CONTROLS) String description,
            @NotNull @Valid Price price,
            @NotNull @Min(0) @Max(1_000_000_000) Integer stock) {

        Product toProduct() {
            return new Product(new Sku(sku), name.strip(), description == null ? "" : description, price.toMoney(),
                    stock);
        }
    }

    /** {@code PUT /api/products/{sku}}: everything but the stock, which only changes by adjustments. */
    record ProductUpdate(@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String name,
            @Size(max = 2000) @Pattern(regexp = TEXT, message = NO_CONTROLS) String description,
            @NotNull @Valid Price price) {
    }

    /** {@code POST /api/products/{sku}/stock-adjustments}: units received (positive) or written off (negative). */
    record StockAdjustment(@NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Integer delta) {
    }
}

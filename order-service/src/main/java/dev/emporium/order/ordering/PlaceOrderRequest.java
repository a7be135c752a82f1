package dev.emporium.order.ordering;

import java.util.List;
import java.util.SortedMap;

import dev.emporium.order.catalog.Sku;
import dev.emporium.order.catalog.Stock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/orders}. Only SKUs and quantities: prices come from the catalog. The same SKU may be
 * listed more than once; its quantities are added up into one line, as a basket that was filled twice would expect.
 */
record PlaceOrderRequest(
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Item> items,
        @NotNull @Valid Address shippingAddress,
        @NotNull @Pattern(regexp = PAYMENT_METHOD,
                message = "must be a payment method token such as pm_card_visa") String paymentMethod) {

    /** A payment provider's payment-method token; card data never reaches the platform. */
    static final String PAYMENT_METHOD = "pm_[A-Za-z0-9_]{1,100}";

    static final String ONE_LINE = "[^\\p{Cntrl}]*";

    static final String NO_CONTROLS = "must not contain control characters";

    record Item(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                    message = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
            String sku,
            @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    /** Single lines of text: control characters (a NUL byte above all, which PostgreSQL refuses) are not. */
    record Address(
            @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String name,
            @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String line1,
            @Size(max = 200) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) @Nullable String line2,
            @NotBlank @Size(max = 100) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String city,
            @NotBlank @Size(max = 20) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String postalCode,
            @NotNull @CountryCode String country) {
    }

    /** The request as the domain understands it: one quantity per SKU, in the order stock is locked in. */
    NewOrder toNewOrder() {
        SortedMap<Sku, Integer> quantities = Stock.quantities();
        items.forEach(item -> quantities.merge(new Sku(item.sku()), item.quantity(), Math::addExact));
        Address address = shippingAddress;
        String line2 = address.line2() == null || address.line2().isBlank() ? null : address.line2().strip();
        return new NewOrder(quantities, new ShippingAddress(address.name().strip(), address.line1().strip(), line2,
                address.city().strip(), address.postalCode().strip(), address.country()), paymentMethod);
    }
}

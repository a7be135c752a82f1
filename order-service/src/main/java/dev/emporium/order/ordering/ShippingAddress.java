package dev.emporium.order.ordering;

import org.jspecify.annotations.Nullable;

/** Where an order is shipped. Personal data: erased or anonymised when its customer is erased. */
record ShippingAddress(String name, String line1, @Nullable String line2, String city, String postalCode,
        String country) {
}

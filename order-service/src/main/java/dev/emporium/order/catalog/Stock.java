package dev.emporium.order.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.emporium.contracts.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves and releases stock for orders, inside the caller's transaction so that stock and order commit together.
 *
 * <p>Every change is a conditional update of one product row, and every caller changes rows in ascending SKU order
 * ({@link #SKU_ORDER}): transactions that touch the same products wait for each other in one direction only, so
 * they never deadlock, and the {@code stock >= :quantity} condition (re-checked after a wait) never oversells.
 */
@Service
public class Stock {

    /** The one order in which rows of products are locked. */
    public static final Comparator<Sku> SKU_ORDER = Comparator.comparing(Sku::value);

    private final ProductRepository products;

    Stock(ProductRepository products) {
        this.products = products;
    }

    /** A reserved line: the quantity taken from stock at the catalog's current price. */
    public record Reservation(Sku sku, int quantity, Money unitPrice) {
    }

    /** An empty map of quantities that iterates in {@link #SKU_ORDER}. */
    public static SortedMap<Sku, Integer> quantities() {
        return new TreeMap<>(SKU_ORDER);
    }

    /**
     * Takes the quantities from stock and prices them.
     *
     * @throws UnknownProductsException (422) when a SKU is not in the catalog
     * @throws MixedCurrenciesException (422) when the products are priced in more than one currency
     * @throws InsufficientStockException (409) when a product has fewer units than asked for
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Reservation> reserve(Map<Sku, Integer> quantities) {
        SortedMap<Sku, Integer> sorted = sorted(quantities);
        Map<Sku, Product> known = products.findAll(sorted.keySet());
        Set<Sku> unknown = new TreeSet<>(SKU_ORDER);
        unknown.addAll(sorted.keySet());
        unknown.removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            throw new UnknownProductsException(unknown);
        }
        requireOneCurrency(known.values().stream().map(Product::price).toList());
        List<Reservation> reserved = new ArrayList<>();
        sorted.forEach((sku, quantity) -> {
            Money price = products.takeStock(sku, quantity)
                    .orElseThrow(() -> new InsufficientStockException(sku, quantity, products.stockOf(sku)));
            reserved.add(new Reservation(sku, quantity, price));
        });
        // A price may have changed between the read and the locking update.
        requireOneCurrency(reserved.stream().map(Reservation::unitPrice).toList());
        return reserved;
    }

    /** Puts the quantities back into stock, e.g. for a cancelled or rejected order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(Map<Sku, Integer> quantities) {
        sorted(quantities).forEach(products::returnStock);
    }

    private static SortedMap<Sku, Integer> sorted(Map<Sku, Integer> quantities) {
        SortedMap<Sku, Integer> sorted = quantities();
        quantities.forEach((sku, quantity) -> {
            if (quantity <= 0) {
                throw new IllegalArgumentException("A quantity is positive, was " + quantity + " for " + sku);
            }
            sorted.merge(sku, quantity, Math::addExact);
        });
        return sorted;
    }

    private static void requireOneCurrency(List<Money> prices) {
        Set<String> currencies = prices.stream().map(Money::currency).collect(Collectors.toCollection(TreeSet::new));
        if (currencies.size() > 1) {
            throw new MixedCurrenciesException(currencies);
        }
    }
}

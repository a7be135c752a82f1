package dev.emporium.order.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.emporium.contracts.Money;
import dev.emporium.platform.paging.SortWhitelist;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code orders.products}. */
@Repository
class ProductRepository {

    private static final SortWhitelist SORTING = SortWhitelist.tiebreaker("sku")
            .property("name", "name")
            .property("price", "price_amount")
            .property("sku", "sku")
            .defaultSort(Sort.by("name"));

    private static final String COLUMNS = "sku, name, description, price_amount, currency, stock";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of products, optionally only those whose name contains the given text, ignoring case. */
    Page<Product> find(String nameContains, Pageable pageable) {
        String orderBy = SORTING.orderBy(pageable.getSort());
        Map<String, Object> params = new HashMap<>();
        String where = "";
        if (nameContains != null && !nameContains.isBlank()) {
            where = " WHERE name ILIKE :pattern ESCAPE '\\'";
            params.put("pattern", containsPattern(nameContains.strip()));
        }
        List<Product> content = jdbc
                .sql("SELECT " + COLUMNS + " FROM products" + where + " ORDER BY " + orderBy
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(ProductRepository::product)
                .list();
        String countSql = "SELECT count(*) FROM products" + where;
        return PageableExecutionUtils.getPage(content, pageable,
                () -> jdbc.sql(countSql).params(params).query(Long.class).single());
    }

    Optional<Product> findBySku(Sku sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE sku = :sku")
                .param("sku", sku.value())
                .query(ProductRepository::product)
                .optional();
    }

    /** The products with these SKUs; unknown ones are absent from the map. */
    Map<Sku, Product> findAll(Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE sku IN (:skus)")
                .param("skus", skus.stream().map(Sku::value).toList())
                .query(ProductRepository::product)
                .list()
                .stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    /**
     * Takes units from stock if there are enough, locking the product's row until the transaction ends.
     *
     * @return the product's price, or empty when it has fewer units (or does not exist)
     */
    Optional<Money> takeStock(Sku sku, int quantity) {
        return jdbc.sql("""
                UPDATE products SET stock = stock - :quantity, updated_at = now()
                WHERE sku = :sku AND stock >= :quantity
                RETURNING price_amount, currency
                """)
                .param("sku", sku.value())
                .param("quantity", quantity)
                .query((rs, row) -> new Money(rs.getLong("price_amount"), rs.getString("currency")))
                .optional();
    }

    /** Puts units back into stock. */
    void returnStock(Sku sku, int quantity) {
        jdbc.sql("UPDATE products SET stock = stock + :quantity, updated_at = now() WHERE sku = :sku")
                .param("sku", sku.value())
                .param("quantity", quantity)
                .update();
    }

    /** The units in stock now, 0 for an unknown product. */
    int stockOf(Sku sku) {
        return jdbc.sql("SELECT stock FROM products WHERE sku = :sku")
                .param("sku", sku.value())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Adds a product; false when one with its SKU exists already. */
    boolean insert(Product product, Instant now) {
        return jdbc.sql("""
                INSERT INTO products (sku, name, description, price_amount, currency, stock, created_at, updated_at)
                VALUES (:sku, :name, :description, :price, :currency, :stock, :now, :now)
                ON CONFLICT (sku) DO NOTHING
                """)
                .param("sku", product.sku().value())
                .param("name", product.name())
                .param("description", product.description())
                .param("price", product.price().amount())
                .param("currency", product.price().currency())
                .param("stock", product.stock())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update() == 1;
    }

    /** Changes what a product is and costs, not its stock; empty when there is no such product. */
    Optional<Product> update(Sku sku, String name, String description, Money price) {
        return jdbc.sql("""
                UPDATE products SET name = :name, description = :description, price_amount = :price,
                                    currency = :currency, updated_at = now()
                WHERE sku = :sku
                RETURNING\s""" + COLUMNS)
                .param("sku", sku.value())
                .param("name", name)
                .param("description", description)
                .param("price", price.amount())
                .param("currency", price.currency())
                .query(ProductRepository::product)
                .optional();
    }

    /**
     * Adds {@code delta} (negative to remove) to the stock unless that would take it below zero or past the largest
     * integer.
     *
     * @return the product afterwards, or empty when the stock would leave that range or there is no such product
     */
    Optional<Product> adjustStock(Sku sku, int delta) {
        return jdbc.sql("""
                UPDATE products SET stock = stock + :delta, updated_at = now()
                WHERE sku = :sku AND stock::bigint + :delta BETWEEN 0 AND 2147483647
                RETURNING\s""" + COLUMNS)
                .param("sku", sku.value())
                .param("delta", delta)
                .query(ProductRepository::product)
                .optional();
    }

    /**
     * A LIKE pattern matching values that contain the text literally: the wildcards {@code %} and {@code _} a
     * user types are searched for, not expanded.
     */
    static String containsPattern(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(new Sku(rs.getString("sku")), rs.getString("name"), rs.getString("description"),
                new Money(rs.getLong("price_amount"), rs.getString("currency")), rs.getInt("stock"));
    }
}

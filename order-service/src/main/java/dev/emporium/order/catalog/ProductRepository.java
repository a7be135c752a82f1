package dev.emporium.order.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.emporium.contracts.Money;
import dev.emporium.platform.paging.SortWhitelist;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code orders.products}. */
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

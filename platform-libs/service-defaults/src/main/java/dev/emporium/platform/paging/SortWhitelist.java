package dev.emporium.platform.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.springframework.data.domain.Sort;

/**
 * Maps the sort properties a list endpoint accepts to SQL columns. Only columns named here ever reach an
 * {@code ORDER BY}, so a client's {@code ?sort=} can neither inject SQL nor sort by a column it should not see.
 * A unique tiebreaker column is always appended so that paging is stable when sort values repeat.
 */
public final class SortWhitelist {

    private final Map<String, String> columnsByProperty;

    private final Sort defaultSort;

    private final String tiebreakerColumn;

    private SortWhitelist(Map<String, String> columnsByProperty, Sort defaultSort, String tiebreakerColumn) {
        this.columnsByProperty = columnsByProperty;
        this.defaultSort = defaultSort;
        this.tiebreakerColumn = tiebreakerColumn;
        // Fails at class initialisation rather than on the first request that relies on the default.
        orderBy(defaultSort);
    }

    /** Starts a whitelist whose ties are broken by the given unique column, ascending. */
    public static Builder tiebreaker(String uniqueColumn) {
        return new Builder(Objects.requireNonNull(uniqueColumn, "uniqueColumn"));
    }

    /** The sortable properties, in the order they were declared. */
    public List<String> properties() {
        return List.copyOf(columnsByProperty.keySet());
    }

    /**
     * The {@code ORDER BY} list (without the keywords) for the requested sort, or for the default sort when the
     * request has none.
     *
     * @throws UnsupportedSortException when a requested property is not in the whitelist
     */
    public String orderBy(Sort requested) {
        Sort sort = requested.isSorted() ? requested : defaultSort;
        StringJoiner clause = new StringJoiner(", ");
        boolean tiebreakerIncluded = false;
        for (Sort.Order order : sort) {
            String column = columnsByProperty.get(order.getProperty());
            if (column == null) {
                throw new UnsupportedSortException(order.getProperty(), properties());
            }
            clause.add(column + (order.isAscending() ? " ASC" : " DESC"));
            tiebreakerIncluded |= column.equals(tiebreakerColumn);
        }
        if (!tiebreakerIncluded) {
            clause.add(tiebreakerColumn + " ASC");
        }
        return clause.toString();
    }

    /** Collects the property-to-column pairs of a whitelist. */
    public static final class Builder {

        private final String tiebreakerColumn;

        private final Map<String, String> columnsByProperty = new LinkedHashMap<>();

        private Builder(String tiebreakerColumn) {
            this.tiebreakerColumn = tiebreakerColumn;
        }

        public Builder property(String property, String column) {
            if (columnsByProperty.putIfAbsent(property, column) != null) {
                throw new IllegalArgumentException("Sort property '" + property + "' is declared twice");
            }
            return this;
        }

        public SortWhitelist defaultSort(Sort defaultSort) {
            if (defaultSort.isUnsorted()) {
                throw new IllegalArgumentException("The default sort must name at least one property");
            }
            return new SortWhitelist(new LinkedHashMap<>(columnsByProperty), defaultSort, tiebreakerColumn);
        }
    }
}

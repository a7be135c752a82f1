package dev.emporium.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

class SortWhitelistTest {

    private final SortWhitelist products = SortWhitelist.tiebreaker("sku")
            .property("name", "name")
            .property("price", "price_amount")
            .property("sku", "sku")
            .defaultSort(Sort.by("name"));

    @Test
    void usesTheDefaultWhenTheRequestDoesNotSort() {
        assertThat(products.orderBy(Sort.unsorted())).isEqualTo("name ASC, sku ASC");
    }

    @Test
    void mapsPropertiesToColumnsInTheRequestedOrder() {
        Sort sort = Sort.by(Sort.Order.desc("price"), Sort.Order.asc("name"));

        assertThat(products.orderBy(sort)).isEqualTo("price_amount DESC, name ASC, sku ASC");
    }

    @Test
    void addsTheTiebreakerOnlyWhenItIsNotSortedOnAlready() {
        assertThat(products.orderBy(Sort.by(Sort.Direction.DESC, "sku"))).isEqualTo("sku DESC");
    }

    @Test
    void listsThePropertiesInTheOrderTheyWereDeclared() {
        assertThat(products.properties()).containsExactly("name", "price", "sku");
    }

    @Test
    void refusesAPropertyOutsideTheWhitelistAsABadRequest() {
        assertThatThrownBy(() -> products.orderBy(Sort.by("name", "price_amount; DROP TABLE products")))
                .isInstanceOfSatisfying(UnsupportedSortException.class, ex -> {
                    assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(ex.getBody().getType()).isEqualTo(UnsupportedSortException.TYPE);
                    assertThat(ex.getBody().getDetail())
                            .startsWith("Cannot sort by 'price_amount; DROP TABLE products'.")
                            .contains("name, price, sku")
                            .contains("sort=name,desc");
                    assertThat(ex.getBody().getProperties()).containsEntry("sortableProperties",
                            List.of("name", "price", "sku"));
                });
    }

    @Test
    void refusesAColumnNameThatIsNotAProperty() {
        assertThatThrownBy(() -> products.orderBy(Sort.by("price_amount")))
                .isInstanceOf(UnsupportedSortException.class);
    }

    @Test
    void failsFastOnADefaultSortOutsideTheWhitelist() {
        SortWhitelist.Builder builder = SortWhitelist.tiebreaker("id").property("createdAt", "created_at");

        assertThatThrownBy(() -> builder.defaultSort(Sort.by("total"))).isInstanceOf(UnsupportedSortException.class);
        assertThatThrownBy(() -> builder.defaultSort(Sort.unsorted())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPropertyDeclaredTwice() {
        assertThatThrownBy(() -> SortWhitelist.tiebreaker("id").property("total", "a").property("total", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'total'");
    }
}

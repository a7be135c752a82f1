package dev.emporium.order.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductSearchPatternTest {

    @Test
    void matchesTheTextAnywhereInTheName() {
        assertThat(ProductRepository.containsPattern("lamp")).isEqualTo("%lamp%");
    }

    @Test
    void searchesForLikeWildcardsLiterally() {
        assertThat(ProductRepository.containsPattern("100%")).isEqualTo("%100\\%%");
        assertThat(ProductRepository.containsPattern("snake_case")).isEqualTo("%snake\\_case%");
        assertThat(ProductRepository.containsPattern("back\\slash")).isEqualTo("%back\\\\slash%");
    }
}

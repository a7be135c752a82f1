package dev.emporium.order.catalog;

import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog's read API. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    /**
     * Products by name ({@code ?sort=name|price|sku[,asc|desc]}, default name), optionally filtered by
     * {@code ?q=}, a case-insensitive part of the name.
     */
    @GetMapping
    PagedModel<ProductResponse> list(@RequestParam(required = false) @Size(max = 100) String q, Pageable pageable) {
        return new PagedModel<>(products.find(q, pageable).map(ProductResponse::from));
    }

    @GetMapping("/{sku}")
    ProductResponse get(@PathVariable Sku sku) {
        return products.findBySku(sku).map(ProductResponse::from).orElseThrow(() -> new ProductNotFoundException(sku));
    }
}

package dev.emporium.order.catalog;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog's API: everyone reads it, administrators change it (the role is checked before the body is read, by
 * {@code emporium.security.admin-paths} in application.yml).
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductRepository products;

    private final ProductAdministration administration;

    ProductController(ProductRepository products, ProductAdministration administration) {
        this.products = products;
        this.administration = administration;
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

    /** Adds a product; 409 when the SKU is taken. */
    @PostMapping
    ResponseEntity<ProductResponse> create(@Valid @RequestBody ProductRequests.NewProduct request) {
        Product product = administration.create(request.toProduct());
        return ResponseEntity.created(URI.create("/api/products/" + product.sku()))
                .body(ProductResponse.from(product));
    }

    /** Changes name, description and price; the stock changes only through stock adjustments. */
    @PutMapping("/{sku}")
    ProductResponse update(@PathVariable Sku sku, @Valid @RequestBody ProductRequests.ProductUpdate request) {
        return ProductResponse.from(administration.update(sku, request.name().strip(),
                request.description() == null ? "" : request.description(), request.price().toMoney()));
    }

    /** Adds units to (or, with a negative delta, removes them from) the stock; 409 when it would go below zero. */
    @PostMapping("/{sku}/stock-adjustments")
    ProductResponse adjustStock(@PathVariable Sku sku, @Valid @RequestBody ProductRequests.StockAdjustment request) {
        return ProductResponse.from(administration.adjustStock(sku, request.delta()));
    }
}

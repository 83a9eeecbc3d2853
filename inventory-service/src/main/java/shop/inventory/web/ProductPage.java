package shop.inventory.web;

import java.util.List;
import shop.inventory.Catalog;

/** One page of {@code GET /products}. */
record ProductPage(List<ProductView> content, int page, int size, long totalElements, long totalPages) {

    static ProductPage of(Catalog.Page page) {
        return new ProductPage(
                page.content().stream().map(ProductView::of).toList(),
                page.page(),
                page.size(),
                page.totalElements(),
                page.totalPages());
    }
}

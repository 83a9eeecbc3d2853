package shop.inventory;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import shop.inventory.domain.Product;
import shop.platform.database.WholeTransactions;

/** The catalog as the HTTP API sees it: list products, look them up, restock them. */
@Service
public class Catalog {

    private final Products products;
    private final WholeTransactions transactions;

    Catalog(Products products, WholeTransactions transactions) {
        this.products = products;
        this.transactions = transactions;
    }

    /** Adds a product; fails with {@link SkuTakenException} if its sku is listed already. */
    public Mono<Product> list(Product product) {
        // The primary key decides between two concurrent listings of one sku.
        return products.insert(product)
                .onErrorMap(DuplicateKeyException.class, taken -> new SkuTakenException(product.sku()));
    }

    /** The product, or empty if the sku is not listed. */
    public Mono<Product> find(String sku) {
        return products.find(sku);
    }

    /** One page of the catalog in sku order. */
    public Mono<Page> page(int page, int size) {
        return products.page((long) page * size, size)
                .collectList()
                .zipWith(products.count(), (content, total) -> new Page(content, page, size, total));
    }

    /** Adds units to a product's stock; empty if the sku is not listed. */
    public Mono<Product> restock(String sku, int quantity) {
        return products.lock(List.of(sku))
                .flatMap(locked -> Mono.justOrEmpty(locked.get(sku)))
                .map(product -> product.restock(quantity))
                .flatMap(restocked -> products.saveStock(restocked).thenReturn(restocked))
                .as(transactions::run);
    }

    public record Page(List<Product> content, int page, int size, long totalElements) {

        public long totalPages() {
            return (totalElements + size - 1) / size;
        }
    }
}

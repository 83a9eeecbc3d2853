package shop.inventory;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.inventory.domain.Product;

/** The catalog table. */
@Repository
class Products {

    private static final String COLUMNS = "sku, name, price, available, reserved";

    private final DatabaseClient db;

    Products(DatabaseClient db) {
        this.db = db;
    }

    /** Adds a product; a taken sku fails with the primary key's {@code DuplicateKeyException}. */
    Mono<Product> insert(Product product) {
        return db.sql("INSERT INTO product (" + COLUMNS + ") VALUES (:sku, :name, :price, :available, :reserved)"
                        + " RETURNING " + COLUMNS)
                .bind("sku", product.sku())
                .bind("name", product.name())
                .bind("price", product.price())
                .bind("available", product.available())
                .bind("reserved", product.reserved())
                .map(Products::product)
                .one();
    }

    Mono<Product> find(String sku) {
        return db.sql("SELECT " + COLUMNS + " FROM product WHERE sku = :sku")
                .bind("sku", sku)
                .map(Products::product)
                .one();
    }

    Flux<Product> page(long offset, int size) {
        return db.sql("SELECT " + COLUMNS + " FROM product ORDER BY sku LIMIT :size OFFSET :offset")
                .bind("size", size)
                .bind("offset", offset)
                .map(Products::product)
                .all();
    }

    Mono<Long> count() {
        return db.sql("SELECT count(*) FROM product")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /**
     * Locks the rows of these skus until the transaction ends, always in sku order so that two
     * orders sharing products cannot deadlock. Unknown skus are simply absent from the result.
     */
    Mono<Map<String, Product>> lock(Collection<String> skus) {
        return db.sql("SELECT " + COLUMNS + " FROM product WHERE sku = ANY(:skus) ORDER BY sku FOR UPDATE")
                .bind("skus", skus.toArray(String[]::new))
                .map(Products::product)
                .all()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    Mono<Void> saveStock(Product product) {
        return db.sql("UPDATE product SET available = :available, reserved = :reserved, updated_at = now()"
                        + " WHERE sku = :sku")
                .bind("sku", product.sku())
                .bind("available", product.available())
                .bind("reserved", product.reserved())
                .then();
    }

    private static Product product(Readable row) {
        return new Product(
                row.get("sku", String.class),
                row.get("name", String.class),
                row.get("price", BigDecimal.class),
                row.get("available", Integer.class),
                row.get("reserved", Integer.class));
    }
}

package shop.inventory.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import shop.inventory.Catalog;
import shop.inventory.SkuTakenException;
import shop.inventory.domain.StockLimitExceededException;
import shop.platform.web.InvalidRequestException;
import shop.platform.web.Problems;

@RestController
@RequestMapping("/products")
class ProductController {

    private static final int MAX_PAGE_SIZE = 100;

    private final Catalog catalog;

    ProductController(Catalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    Mono<ResponseEntity<ProductView>> create(@Valid @RequestBody NewProduct request) {
        return Mono.defer(() -> catalog.list(request.toProduct()))
                .onErrorMap(SkuTakenException.class, taken -> Problems.conflict("Product exists", taken.getMessage()))
                .onErrorMap(StockLimitExceededException.class, ProductController::overTheLimit)
                .map(product -> ResponseEntity.created(URI.create("/products/" + product.sku()))
                        .body(ProductView.of(product)));
    }

    @GetMapping
    Mono<ProductPage> page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be at least 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return catalog.page(page, size).map(ProductPage::of);
    }

    @GetMapping("/{sku}")
    Mono<ProductView> find(@PathVariable String sku) {
        return catalog.find(sku).map(ProductView::of).switchIfEmpty(Mono.error(() -> unknown(sku)));
    }

    @PostMapping("/{sku}/restock")
    Mono<ProductView> restock(@PathVariable String sku, @Valid @RequestBody Restock request) {
        return Mono.defer(() -> catalog.restock(sku, request.quantity()))
                .onErrorMap(StockLimitExceededException.class, ProductController::overTheLimit)
                .map(ProductView::of)
                .switchIfEmpty(Mono.error(() -> unknown(sku)));
    }

    private static ErrorResponseException overTheLimit(StockLimitExceededException exceeded) {
        return Problems.unprocessable("Stock limit exceeded", exceeded.getMessage());
    }

    private static ErrorResponseException unknown(String sku) {
        return Problems.notFound("Unknown product", "no product with sku " + sku);
    }
}

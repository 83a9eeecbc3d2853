package shop.inventory.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import shop.inventory.domain.StockLimitExceededException;
import shop.inventory.stock.Catalog;
import shop.inventory.stock.SkuTakenException;
import shop.platform.web.InvalidRequestException;

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
        return catalog.list(request.toProduct())
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
        return catalog.restock(sku, request.quantity())
                .map(ProductView::of)
                .switchIfEmpty(Mono.error(() -> unknown(sku)));
    }

    @ExceptionHandler(SkuTakenException.class)
    ProblemDetail skuTaken(SkuTakenException taken) {
        return problem(HttpStatus.CONFLICT, "Product exists", taken.getMessage());
    }

    @ExceptionHandler(StockLimitExceededException.class)
    ProblemDetail stockLimit(StockLimitExceededException exceeded) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Stock limit exceeded", exceeded.getMessage());
    }

    private static ErrorResponseException unknown(String sku) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND,
                problem(HttpStatus.NOT_FOUND, "Unknown product", "no product with sku " + sku),
                null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}

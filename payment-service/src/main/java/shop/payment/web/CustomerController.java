package shop.payment.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import shop.payment.Accounts;
import shop.platform.web.Problems;

/** Opens customer accounts and shows their balance. */
@RestController
@RequestMapping("/customers")
class CustomerController {

    private final Accounts accounts;

    CustomerController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    Mono<ResponseEntity<CustomerResponse>> create(@Valid @RequestBody CreateCustomerRequest request) {
        var account = request.toAccount();
        return accounts.open(account).map(opened -> {
            if (!opened) {
                throw Problems.conflict("Customer exists", "customer " + account.customerId() + " already exists");
            }
            return ResponseEntity.created(URI.create("/customers/" + account.customerId()))
                    .body(CustomerResponse.of(account));
        });
    }

    @GetMapping("/{customerId}")
    Mono<CustomerResponse> find(@PathVariable String customerId) {
        return accounts.find(customerId)
                .map(CustomerResponse::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown customer", "no customer " + customerId)));
    }
}

package shop.platform.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import shop.platform.web.InvalidRequestException;
import shop.platform.web.Problems;

/** The sample's HTTP API: one of each way a service's API refuses, for the platform's problem+json test. */
@RestController
class LedgerController {

    record Booking(@NotBlank String account, @Positive Integer amount) {}

    @PostMapping("/bookings")
    Mono<Map<String, Object>> book(@Valid @RequestBody Booking booking) {
        if (booking.account().equals("closed")) {
            return Mono.error(Problems.unprocessable("Account closed", "account closed takes no bookings"));
        }
        if (booking.account().equals("taken")) {
            throw new InvalidRequestException("account", "is reserved");
        }
        return Mono.just(Map.of("account", booking.account(), "amount", booking.amount()));
    }

    @GetMapping("/accounts/{account}")
    Mono<Map<String, Object>> account(@PathVariable String account) {
        if (account.equals("broken")) {
            return Mono.error(new IllegalStateException("a bug"));
        }
        return Mono.error(Problems.notFound("Unknown account", "no account " + account));
    }
}

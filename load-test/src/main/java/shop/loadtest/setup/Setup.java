package shop.loadtest.setup;

import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.loadtest.placing.Persistent;
import shop.loadtest.plan.Plan;
import shop.loadtest.shop.Answer;
import shop.loadtest.shop.ShopClient;

/** Creates a plan's products and customers through the API before the first order. */
public final class Setup {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final int CONCURRENCY = 4;

    private final ShopClient shop;
    private final Persistent persistent;

    public Setup(ShopClient shop, Persistent persistent) {
        this.shop = shop;
        this.persistent = persistent;
    }

    public Mono<Void> create(Plan plan) {
        Flux<Mono<Void>> products = Flux.fromIterable(plan.products())
                .map(product -> created("product " + product.sku(), () -> shop.createProduct(product)));
        Flux<Mono<Void>> customers = Flux.fromIterable(plan.customers())
                .map(customer -> created("customer " + customer.customerId(), () -> shop.createCustomer(customer)));
        return Flux.concat(products, customers)
                .flatMap(creation -> creation, CONCURRENCY)
                .then();
    }

    /**
     * The names are the run's own, so a 409 can only mean that an earlier attempt whose answer
     * was lost (a 504, a dropped connection) did create it.
     */
    private Mono<Void> created(String what, Supplier<Mono<Answer>> request) {
        return persistent
                .post(request, GIVE_UP_AFTER)
                .flatMap(answer -> answer.status() == 201 || answer.status() == 409
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("cannot create " + what + ": HTTP " + answer.status())));
    }
}

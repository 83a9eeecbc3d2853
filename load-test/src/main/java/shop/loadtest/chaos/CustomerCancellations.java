package shop.loadtest.chaos;

import reactor.core.publisher.Mono;
import shop.loadtest.mix.Mix;

/**
 * Nothing breaks: a third of the round's customers cancel their orders at random moments after
 * placing them, so cancellations meet every step of the saga under way, next to orders that fail
 * for reasons of their own.
 */
final class CustomerCancellations implements Fault {

    private static final Mix MIX =
            Mix.parse("happy=60,cancelled-by-customer=30,out-of-stock=4,declined=3,unshippable=3");

    @Override
    public String name() {
        return "cancellations";
    }

    @Override
    public Mono<Injected> inject() {
        return Mono.just(Injected.NOTHING);
    }

    @Override
    public Mix mix() {
        return MIX;
    }
}

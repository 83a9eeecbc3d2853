package shop.loadtest.chaos;

import reactor.core.publisher.Mono;
import shop.loadtest.mix.Mix;

/** Something made to go wrong on purpose while orders flow. */
interface Fault {

    String name();

    /**
     * Makes it go wrong and completes once the fault is over: what was stopped has been started
     * again. Whatever the system needs to recover from then on, it must do by itself.
     */
    Mono<Injected> inject();

    /** The orders its round places while it happens. */
    default Mix mix() {
        return Mix.DEFAULT;
    }

    /** What a fault put on the bus itself. */
    record Injected(int duplicatesSent, int expectedDeadLetters) {

        static final Injected NOTHING = new Injected(0, 0);
    }
}

package shop.platform;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Work that runs in the background while the application runs: started and stopped with it. */
public abstract class BackgroundWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private volatile Disposable running;

    /** Starts the work; disposing what it answers stops it. */
    protected abstract Disposable begin();

    @Override
    public void start() {
        running = begin();
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /**
     * Runs {@code work} every {@code interval}, one run at a time. A tick that comes while a run
     * is still going is skipped (without that, the interval would overflow and stop for good);
     * a failed run is logged and the next tick tries again.
     */
    protected static Disposable every(Duration interval, String what, Supplier<Mono<?>> work) {
        return Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> work.get().onErrorResume(error -> {
                    log.warn("{} failed, next try in {}: {}", what, interval, error.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }
}

package shop.platform.database;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The service's connection pool, timing how long each caller waits for a connection
 * ({@code shop.db.acquire}): what an HTTP request pays when consumer lanes and the relay hold
 * every connection. Spring Boot's pool gauges still find the pool through {@link #unwrap()}.
 */
public final class AcquireTimedConnectionPool implements ConnectionFactory, Wrapped<ConnectionPool>, Disposable {

    private final ConnectionPool pool;
    private final Timer acquire;

    public AcquireTimedConnectionPool(ConnectionPool pool, MeterRegistry meters) {
        this.pool = pool;
        this.acquire = Timer.builder("shop.db.acquire")
                .description("Time from asking the pool for a connection to getting one")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return Mono.from(pool.create())
                    .doOnNext(connection -> acquire.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    @Override
    public ConnectionPool unwrap() {
        return pool;
    }

    /** Boot closes the pool bean with {@code dispose()}. */
    @Override
    public void dispose() {
        pool.dispose();
    }

    @Override
    public boolean isDisposed() {
        return pool.isDisposed();
    }
}

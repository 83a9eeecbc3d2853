package shop.loadtest.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The local PostgreSQL cluster stopped (in pg_ctlcluster's default fast mode: every open connection is cut) and started
 * again a few seconds later.
 */
record RestartDatabase(Host host, Duration downFor) implements Fault {

    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "restart-postgres";
    }

    @Override
    public Mono<Injected> inject() {
        return version()
                .flatMap(version -> host.run(
                                COMMAND_LIMIT, "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop")
                        .then(Mono.delay(downFor))
                        .then(host.run(
                                COMMAND_LIMIT, "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")))
                .thenReturn(Injected.NOTHING);
    }

    /** The newest cluster version configured on this machine, as {@code infra/up} picks it. */
    private static Mono<String> version() {
        return Mono.fromCallable(() -> {
                    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
                        return versions.map(path -> path.getFileName().toString())
                                .max(Comparator.comparingDouble(RestartDatabase::numeric))
                                .orElseThrow(() -> new IOException("no PostgreSQL cluster under /etc/postgresql"));
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static double numeric(String version) {
        try {
            return Double.parseDouble(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package shop.loadtest.chaos;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The machine the system runs on, as {@code infra/up} left it: the services' pid files and the
 * commands that stop and start things. Commands run off the event loops and write their output
 * to the chaos log, so that the table stays readable.
 */
final class Host {

    private final Path root;
    private final Path log;

    Host(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.log = this.root.resolve(".run/logs/chaos.log");
    }

    Path log() {
        return log;
    }

    /** Starts {@code service} if it is not running and waits until it reports UP. */
    Mono<Void> up(String service) {
        return run(Duration.ofMinutes(3), root.resolve("infra/up").toString(), service);
    }

    /** The process of a running service, from the pid file {@code infra/up} wrote. */
    Mono<ProcessHandle> process(String service) {
        return Mono.fromCallable(() -> {
                    Path file = root.resolve(".run/" + service + ".pid");
                    if (!Files.exists(file)) {
                        throw new IllegalStateException(service + " has no pid file " + file + ": is it running?");
                    }
                    long pid = Long.parseLong(Files.readString(file).trim());
                    return ProcessHandle.of(pid)
                            .filter(ProcessHandle::isAlive)
                            .orElseThrow(
                                    () -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> signal(ProcessHandle process, String signal) {
        return run(Duration.ofSeconds(10), "kill", "-" + signal, Long.toString(process.pid()));
    }

    /** Runs a command to its end; an exit code other than 0, or running past {@code limit}, is an error. */
    Mono<Void> run(Duration limit, String... command) {
        return Mono.<Void>fromCallable(() -> {
                    Files.createDirectories(log.getParent());
                    Files.writeString(
                            log,
                            "$ " + String.join(" ", command) + System.lineSeparator(),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                    Process process = new ProcessBuilder(List.of(command))
                            .directory(root.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(Redirect.appendTo(log.toFile()))
                            .redirectInput(Redirect.from(new File("/dev/null")))
                            .start();
                    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly();
                        throw new IOException("'" + String.join(" ", command) + "' ran longer than " + limit);
                    }
                    if (process.exitValue() != 0) {
                        throw new IOException("'" + String.join(" ", command) + "' exited with " + process.exitValue()
                                + " (see " + log + ")");
                    }
                    return null;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}

package shop.platform.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its built jar in a JVM of its own, as {@code infra/up} starts it, on a
 * free port of the loopback interface, with its connections pointed at a test run's database
 * and vhost through the same environment variables a person would set.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code module}'s jar (built by the reactor before this module's integration tests)
     * with {@code environment} added to the connection settings of the test run.
     */
    public static ServiceProcess start(
            TestInfrastructure infra, String module, String database, Map<String, String> environment) {
        Path root = repositoryRoot();
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build it first (./mvnw package)");
        }
        int port = freePort();
        Path log =
                Path.of("target", "service-logs", module + "-" + port + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m",
                "-Xmx192m",
                "-XX:MaxMetaspaceSize=128m",
                "-XX:MaxDirectMemorySize=64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dreactor.netty.native=false",
                "-jar",
                jar.toString()));
        var builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(port));
        env.put("SHOP_DB_HOST", infra.pgHost);
        env.put("SHOP_DB_PORT", String.valueOf(infra.pgPort));
        env.put("SHOP_DB_NAME", infra.database(database).name());
        env.put("SHOP_DB_USER", infra.pgUser);
        env.put("SHOP_DB_PASSWORD", infra.pgPassword);
        env.put("SHOP_RABBIT_HOST", infra.rabbitHost);
        env.put("SHOP_RABBIT_PORT", String.valueOf(infra.rabbitPort));
        env.put("SHOP_RABBIT_VHOST", infra.vhost());
        env.putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new ServiceProcess(module, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole shop from its jars: the four services, then the gateway in front of them, each
     * healthy within {@code timeout}. The gateway comes first in the answer.
     */
    public static List<ServiceProcess> startShop(TestInfrastructure infra, Duration timeout) {
        return startShop(infra, timeout, Map.of());
    }

    /** The whole shop, each service with {@code environment} added (settings they share, such as the saga's deadline). */
    public static List<ServiceProcess> startShop(
            TestInfrastructure infra, Duration timeout, Map<String, String> environment) {
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (String module : List.of("order-service", "inventory-service", "payment-service", "shipping-service")) {
                started.add(start(infra, module, module.replace("-service", ""), environment));
            }
            started.forEach(service -> service.awaitHealthy(timeout));
            started.add(0, start(infra, "gateway", "gateway", gatewayEnvironment(started, environment)));
            started.get(0).awaitHealthy(timeout);
            return started;
        } catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    private static Map<String, String> gatewayEnvironment(
            List<ServiceProcess> services, Map<String, String> environment) {
        Map<String, String> gateway = new java.util.HashMap<>(environment);
        gateway.put("SHOP_GATEWAY_ADDRESS", "127.0.0.1");
        gateway.put("SHOP_ORDER_URL", services.get(0).baseUrl());
        gateway.put("SHOP_INVENTORY_URL", services.get(1).baseUrl());
        gateway.put("SHOP_PAYMENT_URL", services.get(2).baseUrl());
        return gateway;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the log's tail if the process dies or time runs out. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + ":\n" + logTail());
    }

    /** Stops the service gracefully (SIGTERM), as {@code infra/down} does. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the service at once (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("platform"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the repository: " + new File("").getAbsolutePath());
    }
}

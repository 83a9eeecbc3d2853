package shop.loadtest.cost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the shop's processes on this machine have used: CPU, context switches and memory
 * from {@code /proc} ({@link Procfs}), commits and statements from PostgreSQL's statistics (through {@code psql}),
 * published messages from RabbitMQ's management API, batch sizes and connection waits from the services' metrics.
 * It finds the services by the pid files {@code infra/up} writes, and the servers by their
 * process names, so it measures only a system that runs here.
 */
public final class SystemProbe {

    public static final List<String> SERVICES =
            List.of("gateway", "order-service", "inventory-service", "payment-service", "shipping-service");
    private static final Map<String, Integer> PORTS = Map.of(
            "gateway", 8080,
            "order-service", 8081,
            "inventory-service", 8082,
            "payment-service", 8083,
            "shipping-service", 8084);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path runDir;
    private final Map<String, String> env;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private SystemProbe(Path runDir, Map<String, String> env) {
        this.runDir = runDir;
        this.env = env;
    }

    /** A probe of the system {@code infra/up} started here, if its run directory is known and it runs. */
    public static Optional<SystemProbe> local(Map<String, String> env) {
        return Optional.ofNullable(env.get("SHOP_RUN_DIR"))
                .map(Path::of)
                .filter(dir -> Files.isRegularFile(dir.resolve("gateway.pid")))
                .filter(dir -> Procfs.available())
                .map(dir -> new SystemProbe(dir, env));
    }

    public Usage read() {
        Map<String, Map<Long, Usage.ProcessUsage>> processes = new LinkedHashMap<>();
        for (String service : SERVICES) {
            servicePid(service).ifPresent(pid -> processes.put(service, Procfs.usageOf(List.of(pid))));
        }
        processes.put("postgresql", Procfs.usageOf(Procfs.pidsNamed("postgres")));
        processes.put("rabbitmq", Procfs.usageOf(Procfs.pidsNamed("beam.smp")));
        processes.put(
                "load generator", Procfs.usageOf(List.of(ProcessHandle.current().pid())));
        Map<String, Long> commits = counts(
                        "SELECT datname, xact_commit FROM pg_stat_database WHERE datname LIKE 'shop\\_%'")
                .orElse(Map.of());
        Optional<Map<String, Long>> statements = counts(
                "SELECT d.datname, sum(s.calls)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                        + " WHERE d.datname LIKE 'shop\\_%' GROUP BY d.datname");
        Map<String, Usage.Summary> batches = new TreeMap<>();
        Map<String, Usage.Summary> connectionWaits = new TreeMap<>();
        for (String service : SERVICES) {
            summaryOf(service, "shop.consumer.batch.size", "TOTAL", 1).ifPresent(found -> batches.put(service, found));
            summaryOf(service, "shop.db.acquire", "TOTAL_TIME", 1000)
                    .ifPresent(found -> connectionWaits.put(service, found));
        }
        return new Usage(processes, commits, statements, published(), batches, connectionWaits);
    }

    /** The JVM and flags of each group of services that run alike. */
    public List<String> jvms() {
        Map<String, List<String>> byJvm = new LinkedHashMap<>();
        for (String service : SERVICES) {
            servicePid(service)
                    .flatMap(Procfs::jvmOf)
                    .ifPresent(jvm ->
                            byJvm.computeIfAbsent(jvm, key -> new ArrayList<>()).add(service));
        }
        List<String> described = new ArrayList<>();
        byJvm.forEach((jvm, services) -> described.add(String.join(", ", services) + ": " + jvm));
        return described;
    }

    private Optional<Long> servicePid(String service) {
        try {
            String text = Files.readString(runDir.resolve(service + ".pid")).trim();
            long pid = Long.parseLong(text);
            return Procfs.running(pid) ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Two-column answers of PostgreSQL's statistics views, or empty when they cannot be read. */
    private Optional<Map<String, Long>> counts(String sql) {
        List<String> command = List.of(
                "psql",
                "-X",
                "-Atq",
                "-F",
                " ",
                "-h",
                env.getOrDefault("SHOP_DB_HOST", "127.0.0.1"),
                "-p",
                env.getOrDefault("SHOP_DB_PORT", "5432"),
                "-U",
                env.getOrDefault("SHOP_DB_USER", "postgres"),
                "-d",
                "postgres",
                "-c",
                sql);
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(false);
            builder.environment().put("PGPASSWORD", env.getOrDefault("SHOP_DB_PASSWORD", ""));
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process psql = builder.start();
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (psql.waitFor() != 0) {
                return Optional.empty();
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String line : out.split("\n")) {
                String[] columns = line.trim().split(" ");
                if (columns.length == 2) {
                    counts.put(columns[0], Long.parseLong(columns[1]));
                }
            }
            return Optional.of(counts);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private long published() {
        String vhost = env.getOrDefault("SHOP_RABBIT_VHOST", "shop").replace("/", "%2F");
        String auth =
                env.getOrDefault("SHOP_RABBIT_USER", "guest") + ":" + env.getOrDefault("SHOP_RABBIT_PASSWORD", "guest");
        return get(
                        "http://" + env.getOrDefault("SHOP_RABBIT_HOST", "127.0.0.1") + ":"
                                + env.getOrDefault("SHOP_RABBIT_MANAGEMENT_PORT", "15672") + "/api/vhosts/" + vhost,
                        "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .map(body -> body.path("message_stats").path("publish").asLong(0))
                .orElse(0L);
    }

    /** A service's meter as count and sum, the sum's statistic scaled (a timer's seconds to ms). */
    private Optional<Usage.Summary> summaryOf(String service, String meter, String totalStatistic, double scale) {
        return get("http://127.0.0.1:" + PORTS.get(service) + "/actuator/metrics/" + meter, null)
                .map(body -> {
                    double count = 0;
                    double total = 0;
                    for (JsonNode measurement : body.path("measurements")) {
                        String statistic = measurement.path("statistic").asString();
                        if (statistic.equals("COUNT")) {
                            count = measurement.path("value").asDouble();
                        } else if (statistic.equals(totalStatistic)) {
                            total = measurement.path("value").asDouble() * scale;
                        }
                    }
                    return new Usage.Summary((long) count, total);
                });
    }

    private Optional<JsonNode> get(String url, String authorization) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

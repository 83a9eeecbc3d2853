package shop.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import shop.platform.topology.TopologyDeclarer;

/**
 * Gives a test class its own PostgreSQL databases and RabbitMQ vhost on the local servers, and
 * starts services against them on random ports, so tests never collide with each other or with a
 * running {@code infra/up}. Everything it made is removed after the class; leftovers of runs that
 * died are swept by their name prefix and age.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestInfrastructure infra = new TestInfrastructure();
 * }</pre>
 *
 * Servers come from {@code SHOP_TEST_PG_HOST/PORT/USER/PASSWORD} and
 * {@code SHOP_TEST_RABBIT_HOST/PORT/MANAGEMENT_PORT/USER/PASSWORD}, local defaults otherwise.
 */
public final class TestInfrastructure implements AfterAllCallback {

    private static final String PREFIX = "shoptest_";
    private static final Pattern STAMPED = Pattern.compile(PREFIX + "(\\d+)_.*");
    private static final Duration STALE_AFTER = Duration.ofHours(2);
    private static volatile boolean swept;

    public final String pgHost = env("SHOP_TEST_PG_HOST", "127.0.0.1");
    public final int pgPort = Integer.parseInt(env("SHOP_TEST_PG_PORT", "5432"));
    public final String pgUser = env("SHOP_TEST_PG_USER", "postgres");
    public final String pgPassword = env("SHOP_TEST_PG_PASSWORD", "");
    public final String rabbitHost = env("SHOP_TEST_RABBIT_HOST", "127.0.0.1");
    public final int rabbitPort = Integer.parseInt(env("SHOP_TEST_RABBIT_PORT", "5672"));
    private final int managementPort = Integer.parseInt(env("SHOP_TEST_RABBIT_MANAGEMENT_PORT", "15672"));
    private final String rabbitUser = env("SHOP_TEST_RABBIT_USER", "guest");
    private final String rabbitPassword = env("SHOP_TEST_RABBIT_PASSWORD", "guest");

    private final String runId = PREFIX + Instant.now().getEpochSecond() + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<String> databases = new ArrayList<>();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<CachingConnectionFactory> connectionFactories = new ArrayList<>();
    private final String topology;
    private boolean vhostCreated;

    /** Declares the shop's topology in this run's vhost. */
    public TestInfrastructure() {
        this(TopologyDeclarer.SHOP_TOPOLOGY);
    }

    /** Declares the topology in this classpath resource in this run's vhost, as infra/up does. */
    public TestInfrastructure(String topology) {
        this.topology = topology;
    }

    /** A fresh database of this run, created on first use. */
    public synchronized Database database(String name) {
        String database = runId + "_" + name.replace('-', '_');
        if (!databases.contains(database)) {
            sweepStaleOnce();
            executeOnServer("CREATE DATABASE " + database);
            databases.add(database);
        }
        return new Database(database, pgHost, pgPort, pgUser, pgPassword);
    }

    /** This run's vhost, created (with permissions for the test user) and given its topology on first use. */
    public synchronized String vhost() {
        if (!vhostCreated) {
            sweepStaleOnce();
            management("PUT", "/api/vhosts/" + encode(runId), "{}");
            management(
                    "PUT",
                    "/api/permissions/" + encode(runId) + "/" + encode(rabbitUser),
                    "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
            vhostCreated = true;
            var declaring = connectionFactory();
            try {
                TopologyDeclarer.declare(declaring, TopologyDeclarer.load(topology));
            } finally {
                declaring.destroy();
            }
        }
        return runId;
    }

    /** A connection factory on this run's vhost, for a test to publish, receive and inspect queues. */
    public synchronized CachingConnectionFactory rabbit() {
        vhost();
        var factory = connectionFactory();
        connectionFactories.add(factory);
        return factory;
    }

    private CachingConnectionFactory connectionFactory() {
        var factory = new CachingConnectionFactory(rabbitHost, rabbitPort);
        factory.setUsername(rabbitUser);
        factory.setPassword(rabbitPassword);
        factory.setVirtualHost(runId);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        return factory;
    }

    /**
     * The properties that point a service at this run's database {@code database} and vhost, on a
     * random port. Pass {@code databasePort} or {@code rabbitPort} of a {@link TcpProxy} to
     * route the service's traffic through it.
     */
    public Map<String, Object> serviceProperties(String database, int databasePort, int brokerPort) {
        Database db = database(database);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.r2dbc.url", db.r2dbcUrl(databasePort));
        properties.put("spring.r2dbc.username", pgUser);
        properties.put("spring.r2dbc.password", pgPassword);
        properties.put("spring.flyway.url", db.jdbcUrl());
        properties.put("spring.flyway.user", pgUser);
        properties.put("spring.flyway.password", pgPassword);
        properties.put("spring.rabbitmq.host", rabbitHost);
        properties.put("spring.rabbitmq.port", brokerPort);
        properties.put("spring.rabbitmq.username", rabbitUser);
        properties.put("spring.rabbitmq.password", rabbitPassword);
        properties.put("spring.rabbitmq.virtual-host", vhost());
        properties.put("server.port", 0);
        return properties;
    }

    public Map<String, Object> serviceProperties(String database) {
        return serviceProperties(database, pgPort, rabbitPort);
    }

    /**
     * Starts an application with these properties, which win over its own configuration files
     * (they are passed as command-line arguments); it is closed after the class.
     */
    public ConfigurableApplicationContext start(Class<?> application, Map<String, Object> properties) {
        return start(new SpringApplicationBuilder(application), properties);
    }

    /** Starts an application as built, with these properties winning over its own; it is closed after the class. */
    public ConfigurableApplicationContext start(SpringApplicationBuilder application, Map<String, Object> properties) {
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = application.run(arguments);
        synchronized (this) {
            contexts.add(context);
        }
        return context;
    }

    /** The JSON a GET on the management HTTP API answers, e.g. {@code /api/queues/<vhost>/<queue>}. */
    public String managementGet(String path) {
        return management("GET", path, null);
    }

    /**
     * The messages at the head of a queue, read as the management UI's "Get messages" does
     * (requeued, so the queue keeps them): a JSON array with each message's properties and payload.
     */
    public String peekMessages(String queue, int count) {
        return management(
                "POST",
                queuePath(queue) + "/get",
                "{\"count\":" + count + ",\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\"}");
    }

    /** The management API's path of a queue of this run's vhost. */
    public String queuePath(String queue) {
        return "/api/queues/" + encode(vhost()) + "/" + encode(queue);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        contexts.forEach(ConfigurableApplicationContext::close);
        connectionFactories.forEach(CachingConnectionFactory::destroy);
        databases.forEach(database -> executeOnServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
        if (vhostCreated) {
            management("DELETE", "/api/vhosts/" + encode(runId), null);
        }
    }

    private void sweepStaleOnce() {
        if (swept) {
            return;
        }
        swept = true;
        long staleBefore = Instant.now().minus(STALE_AFTER).getEpochSecond();
        try (Connection connection = serverConnection();
                var rows = connection.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            List<String> stale = new ArrayList<>();
            while (rows.next()) {
                if (isStale(rows.getString(1), staleBefore)) {
                    stale.add(rows.getString(1));
                }
            }
            for (String database : stale) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + pgHost + ":" + pgPort, e);
        }
        Matcher names = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(management("GET", "/api/vhosts", null));
        while (names.find()) {
            if (isStale(names.group(1), staleBefore)) {
                management("DELETE", "/api/vhosts/" + encode(names.group(1)), null);
            }
        }
    }

    private static boolean isStale(String name, long staleBefore) {
        Matcher stamped = STAMPED.matcher(name);
        return stamped.matches() && Long.parseLong(stamped.group(1)) < staleBefore;
    }

    private void executeOnServer(String sql) {
        try (Connection connection = serverConnection()) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private Connection serverConnection() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres", pgUser, pgPassword);
    }

    private String management(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://" + rabbitHost + ":" + managementPort + path))
                .timeout(Duration.ofSeconds(10))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (rabbitUser + ":" + rabbitPassword).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot reach the RabbitMQ management API at port " + managementPort
                            + " (rabbitmq-plugins enable rabbitmq_management)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** One database of a test run. */
    public record Database(String name, String host, int port, String user, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String r2dbcUrl(int viaPort) {
            return "r2dbc:postgresql://" + host + ":" + viaPort + "/" + name;
        }

        /** The single number a query answers, such as a count. */
        public long count(String sql) {
            return query(connection -> {
                try (var rows = connection.createStatement().executeQuery(sql)) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        }

        /** Runs SQL directly, for a test's setup and assertions. */
        public <T> T query(SqlWork<T> work) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password)) {
                return work.apply(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}

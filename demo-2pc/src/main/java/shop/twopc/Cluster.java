package shop.twopc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the demo's own: made with {@code initdb} in a fresh directory, started on
 * a spare port with prepared transactions allowed, removed on close. The shop's own server is
 * never touched (it allows no prepared transactions, and changing that needs a restart). Run as
 * root, the server's commands run as the {@code postgres} user, as PostgreSQL requires.
 */
final class Cluster implements AutoCloseable {

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final boolean asPostgres;

    private Cluster(Path binaries, Path directory, int port, boolean asPostgres) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Makes and starts a cluster on {@code port}. */
    static Cluster start(int port) {
        Path binaries = binaries();
        boolean asPostgres = "root".equals(System.getProperty("user.name"));
        Path directory;
        try {
            directory = Files.createTempDirectory("shop-2pc-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var cluster = new Cluster(binaries, directory, port, asPostgres);
        try {
            cluster.make();
        } catch (RuntimeException e) {
            cluster.delete();
            throw e;
        }
        return cluster;
    }

    /** A port nothing listens on now. */
    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void make() {
        if (asPostgres) {
            run(List.of("chown", "postgres", directory.toString()), false);
        }
        server("initdb", "-A", "trust", "-U", "postgres", "--no-sync");
        server(
                "pg_ctl",
                "-l",
                directory.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory
                        + " -c max_prepared_transactions=20",
                "start");
    }

    /** Runs one of the server's programs on this cluster's data directory. */
    private void server(String program, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                binaries.resolve(program).toString(),
                "-D",
                directory.resolve("data").toString()));
        command.addAll(List.of(arguments));
        run(command, true);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    @Override
    public void close() {
        try {
            server("pg_ctl", "-m", "immediate", "-w", "stop");
        } finally {
            delete();
        }
    }

    private void delete() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest installed PostgreSQL's server programs. */
    private static Path binaries() {
        Path installed = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(installed)) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(
                            version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + installed));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL's server programs are not installed under " + installed, e);
        }
    }

    private String tail(String log) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve(log));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())) + "\n";
        } catch (IOException e) {
            return "";
        }
    }

    private void run(List<String> command, boolean server) {
        List<String> full = new ArrayList<>();
        if (server && asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("commands.log").toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", full) + " failed:\n" + tail("commands.log") + tail("server.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package shop.loadtest.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** What Linux's {@code /proc} tells of processes: which run a command, their CPU, switches, memory and JVM. */
final class Procfs {

    private static final long MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private Procfs() {}

    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self"));
    }

    static boolean running(long pid) {
        return Files.isDirectory(Path.of("/proc/" + pid));
    }

    static List<Long> pidsNamed(String name) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(
                            entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(entry ->
                            name.equals(readOr(entry.resolve("comm"), "").trim()))
                    .map(entry -> Long.parseLong(entry.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static Map<Long, Usage.ProcessUsage> usageOf(List<Long> pids) {
        Map<Long, Usage.ProcessUsage> usage = new HashMap<>();
        for (long pid : pids) {
            Path proc = Path.of("/proc/" + pid);
            String stat = readOr(proc.resolve("stat"), "");
            int end = stat.lastIndexOf(')');
            if (end < 0) {
                continue; // it ended meanwhile
            }
            // after the command's closing parenthesis: state is field 3, utime 14 and stime 15
            String[] fields = stat.substring(end + 2).split(" ");
            long cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
            usage.put(pid, new Usage.ProcessUsage(cpu, contextSwitches(proc), proportionalResident(proc)));
        }
        return usage;
    }

    /** The vendor, version and home of the JVM that runs {@code pid}, and the flags before its {@code -jar}. */
    static Optional<String> jvmOf(long pid) {
        try {
            Path java = Path.of("/proc/" + pid + "/exe").toRealPath();
            Path home = java.getParent().getParent();
            String release = readOr(home.resolve("release"), "");
            String version = releaseValue(release, "JAVA_VERSION");
            String vendor = releaseValue(release, "IMPLEMENTOR");
            String[] args = readOr(Path.of("/proc/" + pid + "/cmdline"), "").split("\0");
            List<String> flags = new ArrayList<>();
            for (int i = 1; i < args.length && !args[i].equals("-jar"); i++) {
                flags.add(args[i]);
            }
            return Optional.of(vendor + " " + version + " (" + home + ") " + String.join(" ", flags));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Resident memory with each shared page divided among the processes sharing it (PSS), so
     * that PostgreSQL's backends, which all map its shared buffers, add up to what they use.
     */
    private static long proportionalResident(Path proc) {
        long pss = statusValue(proc.resolve("smaps_rollup"), "Pss");
        return pss > 0 ? pss : statusValue(proc.resolve("status"), "VmRSS");
    }

    private static long contextSwitches(Path proc) {
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            return tasks.mapToLong(task -> statusValue(task.resolve("status"), "voluntary_ctxt_switches")
                            + statusValue(task.resolve("status"), "nonvoluntary_ctxt_switches"))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long statusValue(Path status, String key) {
        for (String line : readOr(status, "").split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    private static String releaseValue(String release, String key) {
        for (String line : release.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).replace("\"", "");
            }
        }
        return "?";
    }

    private static String readOr(Path file, String fallback) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return fallback;
        }
    }
}

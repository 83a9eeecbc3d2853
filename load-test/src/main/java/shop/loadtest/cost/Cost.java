package shop.loadtest.cost;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * What one run cost the machine, per completed saga: the figures that tell where the time goes.
 *
 * @param cpuMsPerSaga CPU by process; PostgreSQL and RabbitMQ count all their processes
 * @param contextSwitchesPerSaga voluntary and involuntary, all threads, by process
 * @param commitsPerSaga by database
 * @param statementsPerSaga by database; empty when PostgreSQL does not track statements
 * @param messagesPerSaga messages published to the shop's vhost, each once however many queues it reached
 * @param averageBatchSize the consumers' batches by service, batches of one included
 * @param averageConnectionWaitMs by service: how long asking its pool for a connection took, on average
 * @param residentMb memory by process at the end of the run
 * @param jvms the JVM and flags each group of services ran with
 */
public record Cost(
        Map<String, Double> cpuMsPerSaga,
        double totalCpuMsPerSaga,
        Map<String, Double> contextSwitchesPerSaga,
        Map<String, Double> commitsPerSaga,
        Map<String, Double> statementsPerSaga,
        double messagesPerSaga,
        Map<String, Double> averageBatchSize,
        Map<String, Double> averageConnectionWaitMs,
        Map<String, Long> residentMb,
        long servicesResidentMb,
        List<String> jvms) {

    public static Cost between(Usage before, Usage after, int sagas, List<String> services, List<String> jvms) {
        double per = Math.max(sagas, 1);
        Map<String, Double> cpu = perProcess(before, after, Usage.ProcessUsage::cpuMillis, per);
        Map<String, Double> switches = perProcess(before, after, Usage.ProcessUsage::contextSwitches, per);
        Map<String, Long> resident = new TreeMap<>();
        after.processes()
                .forEach((name, byPid) -> resident.put(
                        name,
                        byPid.values().stream()
                                        .mapToLong(Usage.ProcessUsage::residentKilobytes)
                                        .sum()
                                / 1024));
        long servicesResident = services.stream()
                .mapToLong(service -> resident.getOrDefault(service, 0L))
                .sum();
        Map<String, Double> statements = new TreeMap<>();
        if (before.statements().isPresent() && after.statements().isPresent()) {
            statements = perKey(before.statements().get(), after.statements().get(), per);
        }
        Map<String, Double> batches = averages(before.batches(), after.batches(), 100);
        Map<String, Double> connectionWaits = averages(before.connectionWaits(), after.connectionWaits(), 1000);
        return new Cost(
                cpu,
                round(cpu.values().stream().mapToDouble(Double::doubleValue).sum()),
                switches,
                perKey(before.commits(), after.commits(), per),
                statements,
                round((after.published() - before.published()) / per),
                batches,
                connectionWaits,
                resident,
                servicesResident,
                jvms);
    }

    /** Per key, the mean of what was summed between the readings, to {@code 1/precision}. */
    private static Map<String, Double> averages(
            Map<String, Usage.Summary> before, Map<String, Usage.Summary> after, double precision) {
        Map<String, Double> result = new TreeMap<>();
        after.forEach((key, end) -> {
            Usage.Summary start = before.getOrDefault(key, new Usage.Summary(0, 0));
            long count = end.count() - start.count();
            if (count > 0) {
                result.put(key, Math.round((end.total() - start.total()) / count * precision) / precision);
            }
        });
        return result;
    }

    private static Map<String, Double> perProcess(
            Usage before, Usage after, ToLongFunction<Usage.ProcessUsage> counter, double sagas) {
        Map<String, Double> result = new TreeMap<>();
        after.processes().forEach((name, byPid) -> {
            Map<Long, Usage.ProcessUsage> earlier = before.processes().getOrDefault(name, Map.of());
            // a process that started during the run counts from zero; one that ended is not seen
            long spent = byPid.entrySet().stream()
                    .mapToLong(entry -> counter.applyAsLong(entry.getValue())
                            - (earlier.containsKey(entry.getKey())
                                    ? counter.applyAsLong(earlier.get(entry.getKey()))
                                    : 0))
                    .sum();
            result.put(name, round(spent / sagas));
        });
        return result;
    }

    private static Map<String, Double> perKey(Map<String, Long> before, Map<String, Long> after, double sagas) {
        Map<String, Double> result = new TreeMap<>();
        after.forEach((key, value) -> result.put(key, round((value - before.getOrDefault(key, 0L)) / sagas)));
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

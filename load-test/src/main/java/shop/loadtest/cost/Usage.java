package shop.loadtest.cost;

import java.util.Map;
import java.util.Optional;

/**
 * What the processes of the system on this machine had used up to one moment: counters that only
 * grow, so that two readings give what happened between them.
 *
 * @param processes by process name (a service, PostgreSQL, RabbitMQ, the load generator), then by pid
 * @param commits committed transactions by database
 * @param statements statements executed by database, when PostgreSQL tracks them ({@code pg_stat_statements})
 * @param published messages published to the shop's vhost
 * @param batches the consumers' batches by service: how many, and how many messages they held in all
 * @param connectionWaits by service: how many times it asked its pool for a connection, and the
 *     milliseconds it waited in all
 */
public record Usage(
        Map<String, Map<Long, ProcessUsage>> processes,
        Map<String, Long> commits,
        Optional<Map<String, Long>> statements,
        long published,
        Map<String, Summary> batches,
        Map<String, Summary> connectionWaits) {

    /** CPU time and context switches of all the process's threads, and its resident memory (PSS, in kB). */
    public record ProcessUsage(long cpuMillis, long contextSwitches, long residentKilobytes) {}

    /** A distribution summary read off a service: how many values, and their sum. */
    public record Summary(long count, double total) {}
}

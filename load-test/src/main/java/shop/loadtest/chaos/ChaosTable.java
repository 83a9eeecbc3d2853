package shop.loadtest.chaos;

/** The table {@code infra/chaos} prints: one row per fault, then what went wrong. */
final class ChaosTable {

    private static final String ROW = "%-24s %7s %9s %9s %5s %6s %11s %10s %11s %-10s %s%n";

    private ChaosTable() {}

    static String header() {
        return String.format(
                ROW,
                "fault",
                "placed",
                "in flight",
                "finished",
                "lost",
                "stuck",
                "dup. sent",
                "dup. appl.",
                "DLQ (exp.)",
                "invariants",
                "");
    }

    static String row(RoundResult round) {
        return String.format(
                ROW,
                round.fault(),
                round.placed(),
                round.inFlightAtFault(),
                round.finished(),
                round.lost(),
                round.stuck(),
                round.duplicatesSent(),
                round.duplicatesApplied(),
                round.deadLetters() + " (" + round.deadLettersExpected() + ")",
                round.invariantsHold() ? "hold" : "BROKEN",
                round.passed() ? "ok" : "FAILED");
    }

    static String render(ChaosReport report) {
        var text = new StringBuilder();
        text.append(String.format(
                "%nchaos %s on %s, %s: %.0f orders/s for %.0f s per fault, fault after %.0f s,"
                        + " stuck = not final %.0f s after the last order and the fault%n",
                report.runId(),
                report.machine(),
                report.startedAt(),
                report.ordersPerSecond(),
                report.placingSeconds(),
                report.faultAfterSeconds(),
                report.stuckAfterSeconds()));
        text.append(header());
        report.rounds().forEach(round -> text.append(row(round)));
        for (RoundResult round : report.rounds()) {
            if (round.faultError() != null) {
                text.append("  ! ")
                        .append(round.fault())
                        .append(": the fault failed: ")
                        .append(round.faultError());
                text.append(System.lineSeparator());
            }
            round.problems()
                    .forEach(problem -> text.append("  ! ")
                            .append(round.fault())
                            .append(": ")
                            .append(problem)
                            .append(System.lineSeparator()));
        }
        text.append(report.passed() ? "PASSED" : "FAILED").append(System.lineSeparator());
        return text.toString();
    }
}

package shop.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import shop.loadtest.run.Measurements;
import tools.jackson.databind.json.JsonMapper;

/** Writes the JSON report and, next to it, the latency chart ({@code <report>.html}). */
public final class ReportFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportFiles() {}

    public static String json(Report report) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    /** Writes both files and answers the chart's path. */
    public static Path write(Path reportFile, Report report, Measurements measurements) throws IOException {
        Path absolute = reportFile.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Files.writeString(absolute, json(report) + System.lineSeparator());
        Map<String, Histogram> series = new LinkedHashMap<>();
        series.put("accept", measurements.acceptLatency());
        series.put("completion", measurements.completionLatency());
        series.put("end to end", measurements.endToEndLatency());
        Path chart = chartPath(absolute);
        Files.writeString(
                chart,
                LatencyChart.html("Latency by percentile: " + report.orders() + " orders, " + report.load(), series));
        return chart;
    }

    /** {@code r.json} → {@code r.html}; any other name gets {@code .html} appended. */
    static Path chartPath(Path reportFile) {
        String name = reportFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return reportFile.resolveSibling(base + ".html");
    }
}

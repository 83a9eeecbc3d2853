package shop.loadtest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The percentile distribution of the run's latencies as a self-contained HTML page with an
 * inline SVG: latency against percentile, the percentile axis scaled as log10(1 / (1 - p)) so
 * that 90%, 99%, 99.9%... are equally spaced and the tail is as visible as the median.
 */
public final class LatencyChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 160;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    /** Up to 99.999%: beyond that a run of thousands of orders has no data. */
    private static final double MAX_NINES = 5;

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c"};

    private LatencyChart() {}

    /** {@code series}: name → histogram of microseconds. */
    public static String html(String title, Map<String, Histogram> series) {
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        double maxMillis = 1;
        double maxNines = 3; // at least up to 99.9%, so that charts of small runs compare with big ones
        for (Map.Entry<String, Histogram> entry : series.entrySet()) {
            List<double[]> points = points(entry.getValue());
            curves.put(entry.getKey(), points);
            for (double[] point : points) {
                maxNines = Math.max(maxNines, Math.ceil(point[0]));
                maxMillis = Math.max(maxMillis, point[1]);
            }
        }
        maxNines = Math.min(maxNines, MAX_NINES);
        var svg = new StringBuilder();
        svg.append(String.format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n",
                WIDTH, HEIGHT));
        svg.append(String.format("<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        axes(svg, maxNines, maxMillis);
        int index = 0;
        for (Map.Entry<String, List<double[]>> curve : curves.entrySet()) {
            String colour = COLOURS[index % COLOURS.length];
            var path = new StringBuilder();
            for (double[] point : curve.getValue()) {
                if (point[0] <= maxNines) {
                    path.append(
                            String.format(Locale.ROOT, "%.1f,%.1f ", x(point[0], maxNines), y(point[1], maxMillis)));
                }
            }
            svg.append(String.format(
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour, path));
            int legendY = TOP + 20 + index * 20;
            svg.append(String.format(
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    WIDTH - RIGHT + 15,
                    legendY,
                    WIDTH - RIGHT + 35,
                    legendY,
                    colour,
                    WIDTH - RIGHT + 40,
                    legendY + 4,
                    escape(curve.getKey())));
            index++;
        }
        svg.append("</svg>");
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n" + svg + "\n</body></html>\n";
    }

    /** (nines, milliseconds) for each step of the distribution. */
    private static List<double[]> points(Histogram micros) {
        List<double[]> points = new ArrayList<>();
        if (micros.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue value : micros.percentiles(5)) {
            double percentile = value.getPercentileLevelIteratedTo();
            double nines = percentile >= 100 ? MAX_NINES : Math.log10(100 / (100 - percentile));
            points.add(new double[] {Math.min(nines, MAX_NINES), value.getValueIteratedTo() / 1000.0});
        }
        return points;
    }

    private static void axes(StringBuilder svg, double maxNines, double maxMillis) {
        int bottom = HEIGHT - BOTTOM;
        int right = WIDTH - RIGHT;
        svg.append(String.format(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, bottom, right, bottom));
        svg.append(String.format(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, bottom));
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int nines = 0; nines <= maxNines; nines++) {
            double x = x(nines, maxNines);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    TOP,
                    x,
                    bottom,
                    x,
                    bottom + 18,
                    labels[nines]));
        }
        for (int step = 0; step <= 5; step++) {
            double millis = maxMillis * step / 5;
            double y = y(millis, maxMillis);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
                    LEFT,
                    y,
                    right,
                    y,
                    LEFT - 6,
                    y + 4,
                    millis));
        }
        svg.append(String.format(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n", (LEFT + right) / 2, HEIGHT - 12));
        svg.append(String.format(
                "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">latency (ms)</text>%n",
                (TOP + bottom) / 2, (TOP + bottom) / 2));
    }

    private static double x(double nines, double maxNines) {
        return LEFT + nines / maxNines * (WIDTH - RIGHT - LEFT);
    }

    private static double y(double millis, double maxMillis) {
        return HEIGHT - BOTTOM - millis / maxMillis * (HEIGHT - BOTTOM - TOP);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

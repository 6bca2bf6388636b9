package ai.automlgen.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * best-over-time-&lt;task&gt;.svg: the best validation score over elapsed time, one colour per policy/variant and
 * one step line per seed. Normalised (0 = median, 1 = gold) when every cell of the task knows its thresholds,
 * raw otherwise.
 */
public final class BestOverTimeSvg {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private BestOverTimeSvg() {
    }

    private record Line(String group, List<double[]> points) {
    }

    public static String render(String task, List<CellResult> cells) {
        boolean normalised = !cells.isEmpty() && cells.stream()
                .allMatch(c -> c.thresholds() != null && c.lowerIsBetter() != null);
        List<Line> lines = new ArrayList<>();
        for (CellResult c : cells) {
            List<double[]> points = new ArrayList<>();
            for (CellResult.CurvePoint p : c.curve() == null ? List.<CellResult.CurvePoint>of() : c.curve()) {
                Double y = normalised ? NormalisedScore.of(p.best(), c.thresholds(), c.lowerIsBetter()) : (Double) p.best();
                if (y != null && Double.isFinite(y)) {
                    points.add(new double[]{p.seconds(), y});
                }
            }
            if (!points.isEmpty()) {
                points.add(new double[]{Math.max(c.wallSeconds(), points.get(points.size() - 1)[0]),
                        points.get(points.size() - 1)[1]});
                lines.add(new Line(c.cell().group(), points));
            }
        }
        Map<String, String> colours = new LinkedHashMap<>();
        cells.forEach(c -> colours.computeIfAbsent(c.cell().group(), g -> COLOURS[colours.size() % COLOURS.length]));

        double maxX = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(p -> p[0]).max().orElse(1);
        double minY = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(p -> p[1]).min().orElse(0);
        double maxY = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(p -> p[1]).max().orElse(1);
        if (normalised) {
            minY = Math.min(minY, 0);
            maxY = Math.max(maxY, 1);
        }
        if (maxY - minY < 1e-12) {
            minY -= 0.5;
            maxY += 0.5;
        }
        Scale x = new Scale(0, Math.max(maxX, 1), LEFT, WIDTH - RIGHT);
        Scale y = new Scale(minY, maxY, HEIGHT - BOTTOM, TOP);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT, 22, escape(task) + ": best validation score over time"
                + (normalised ? " (normalised: 0 = median, 1 = gold)" : " (raw)"), "start", 14));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n",
                LEFT, TOP, WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP));
        for (int i = 0; i <= 4; i++) {
            double vx = x.min + (x.max - x.min) * i / 4;
            double vy = y.min + (y.max - y.min) * i / 4;
            svg.append(text(x.at(vx), HEIGHT - BOTTOM + 16, String.format(Locale.ROOT, "%.0f", vx), "middle", 11));
            svg.append(text(LEFT - 6, y.at(vy) + 4, String.format(Locale.ROOT, "%.3f", vy), "end", 11));
        }
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 12, "elapsed seconds", "middle", 12));
        if (normalised) {
            for (double level : new double[]{0, 1}) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n", x.at(x.min), y.at(level), x.at(x.max), y.at(level)));
                svg.append(text(x.at(x.max) - 4, y.at(level) - 4, level == 0 ? "median" : "gold", "end", 10));
            }
        }
        for (Line line : lines) {
            StringBuilder path = new StringBuilder();
            double[] previous = null;
            for (double[] p : line.points()) {
                if (previous == null) {
                    path.append(String.format(Locale.ROOT, "M%.1f,%.1f", x.at(p[0]), y.at(p[1])));
                } else {
                    // best-so-far is a step function: hold the previous best until the next improvement
                    path.append(String.format(Locale.ROOT, " H%.1f V%.1f", x.at(p[0]), y.at(p[1])));
                }
                previous = p;
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\" "
                    + "stroke-opacity=\"0.8\"/>\n", path, colours.get(line.group())));
        }
        int row = 0;
        for (Map.Entry<String, String> entry : colours.entrySet()) {
            double ly = TOP + 10 + 18 * row++;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>\n", WIDTH - RIGHT + 12, ly, WIDTH - RIGHT + 36, ly, entry.getValue()));
            svg.append(text(WIDTH - RIGHT + 42, ly + 4, escape(entry.getKey()), "start", 12));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private record Scale(double min, double max, double from, double to) {
        double at(double value) {
            return from + (value - min) / (max - min) * (to - from);
        }
    }

    private static String text(double x, double y, String content, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>\n",
                x, y, anchor, size, content);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.ortho4j.cli;

import org.ortho4j.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.Chart;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.cli.tour.TourRun;

/**
 * The tour's HTML report: {@code DIR/index.html}, a self-contained page (inline style, no
 * script, no external resource) with the summary, the results table, the steps' timings, the
 * machine information and the plots, each written next to it as {@code <id>.png} and, when
 * XChart's vector encoder works, {@code <id>.svg}. Every file is written atomically; the page is
 * written last, so it never references a missing image.
 */
final class HtmlReport {
    private HtmlReport() {}

    /** Name of the page in the report directory. */
    static final String INDEX = "index.html";

    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}",
            "table{border-collapse:collapse;margin:1em 0}",
            "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}",
            "th{background:#f3f3f3}td.num{font-family:monospace;text-align:right}",
            ".PASS{color:#176f2c;font-weight:bold}.FAIL{color:#b00020;font-weight:bold}",
            "figure{display:inline-block;margin:1em 1em 1em 0}pre{margin:0}");

    /**
     * Writes the report into {@code dir} (created if missing).
     *
     * @return the files written, the page last
     * @throws IOException if a file cannot be written
     */
    static List<Path> write(Path dir, MachineInfo machine, TourRun run) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        for (Plot plot : run.plots()) {
            Chart<?, ?> chart = Charts.chart(plot);
            Path png = dir.resolve(plot.id() + ".png");
            AtomicFiles.write(png, out -> Charts.png(chart, out));
            written.add(png);
            String svgLink = "";
            Path svg = dir.resolve(plot.id() + ".svg");
            try {
                AtomicFiles.write(svg, out -> Charts.svg(chart, out));
                written.add(svg);
                svgLink = " (<a href=\"" + esc(svg.getFileName().toString()) + "\">SVG</a>)";
            } catch (IOException | RuntimeException | LinkageError e) {
                svgLink = " (SVG not available: " + esc(e.toString()) + ")";
            }
            figures.append("<figure><img src=\"").append(esc(png.getFileName().toString())).append("\" width=\"")
                    .append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT).append("\" alt=\"")
                    .append(esc(plot.title())).append("\"><figcaption>").append(esc(plot.title())).append(svgLink)
                    .append("</figcaption></figure>\n");
        }
        Path index = dir.resolve(INDEX);
        AtomicFiles.writeString(index, page(machine, run, figures.toString()));
        written.add(index);
        return written;
    }

    private static String page(MachineInfo machine, TourRun run, String figures) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>ortho4j tour</title>\n<style>\n")
                .append(STYLE).append("\n</style>\n</head>\n<body>\n<h1>ortho4j tour</h1>\n");
        h.append("<p class=\"").append(run.failed() == 0 ? "PASS" : "FAIL").append("\">").append(esc(run.summary()))
                .append("</p>\n<p>seed ").append(run.seed()).append(run.quick() ? ", quick run" : ", full run")
                .append(String.format(Locale.ROOT, ", %.1f s", run.seconds())).append(", generated ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("</p>\n");

        h.append("<h2>Results</h2>\n<table>\n<tr><th>capability</th><th>check</th><th>value</th><th>criterion</th><th>result</th></tr>\n");
        for (TourCheck c : run.checks()) {
            h.append("<tr><td>").append(esc(c.capability())).append("</td><td>").append(esc(c.check()));
            if (c.detail() != null) h.append("<br><pre>").append(esc(c.detail())).append("</pre>");
            h.append("</td><td class=\"num\">").append(esc(TourCheck.formatNumber(c.value())))
                    .append("</td><td class=\"num\">").append(esc(c.criterionText()))
                    .append("</td><td class=\"").append(c.verdict()).append("\">").append(c.verdict()).append("</td></tr>\n");
        }
        h.append("</table>\n");

        if (!figures.isEmpty()) h.append("<h2>Plots</h2>\n").append(figures);

        h.append("<h2>Steps</h2>\n<table>\n<tr><th>capability</th><th>what it shows</th><th>seconds</th></tr>\n");
        for (TourRun.StepRecord s : run.steps())
            h.append("<tr><td>").append(esc(s.capability())).append("</td><td>").append(esc(s.title()))
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", s.seconds())).append("</td></tr>\n");
        h.append("</table>\n");

        h.append("<h2>Machine</h2>\n<table>\n");
        for (String[] row : machine.rows())
            h.append("<tr><th>").append(esc(row[0])).append("</th><td>").append(esc(row[1]).replace("\n", "<br>"))
                    .append("</td></tr>\n");
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}

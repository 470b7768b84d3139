package org.ortho4j.core.tour;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A chart a step asks the HTML report ({@code ortho4j tour --report DIR}) to draw; also printed in
 * {@code --json}. Plain data only: the CLI renders it (with XChart), so steps need no chart library.
 *
 * @param id     file-name stem of the chart in the report directory: {@code [a-z0-9-]+}
 * @param title  chart title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param kind   bars (x values become category labels) or lines
 * @param series one or more named series; every series of a {@link Kind#BAR} chart has the same x
 */
public record Plot(String id, String title, String xLabel, String yLabel, Kind kind, List<Series> series) {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    /** How the series are drawn. */
    public enum Kind {
        /** Grouped bars, one group per x value, one bar per series. */
        BAR,
        /** One line with markers per series. */
        LINE,
        /** Markers only (point sets, projections). */
        SCATTER,
        /** Lines with markers on logarithmic x and y axes (convergence: error vs n); values must be positive. */
        LOG_LOG
    }

    /**
     * One named series of points.
     *
     * @param name legend entry
     * @param x    x values (copied)
     * @param y    y values (copied), same length as {@code x}
     */
    public record Series(String name, double[] x, double[] y) {
        /** Validates and copies the arrays. */
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length)
                throw new IllegalArgumentException("x.length = " + x.length + ", expected y.length = " + y.length);
            x = x.clone();
            y = y.clone();
        }

        /** A copy of the x values. */
        @Override public double[] x() { return x.clone(); }

        /** A copy of the y values. */
        @Override public double[] y() { return y.clone(); }
    }

    /** Validates the id, requires at least one series and copies the list. */
    public Plot {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        Objects.requireNonNull(kind, "kind");
        if (id == null || !ID.matcher(id).matches())
            throw new IllegalArgumentException("id = " + id + ", expected [a-z0-9-]+ (it names files)");
        if (series.isEmpty()) throw new IllegalArgumentException("series is empty, expected at least one");
        series = List.copyOf(series);
    }
}

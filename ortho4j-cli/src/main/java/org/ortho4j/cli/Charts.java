package org.ortho4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourCheck;

/** Renders a {@link Plot} with XChart, headless, to PNG or SVG. */
final class Charts {
    private Charts() {}

    /** Pixel size of every chart. */
    static final int WIDTH = 720, HEIGHT = 420;

    static {
        // XChart draws with Java2D; without a display AWT must run headless.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The XChart chart for {@code plot}: grouped bars with category labels, lines with markers (linear or log-log axes), or a scatter. */
    static Chart<?, ?> chart(Plot plot) {
        if (plot.kind() == Plot.Kind.BAR) {
            CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                    .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
            style(c.getStyler());
            for (Plot.Series s : plot.series()) c.addSeries(s.name(), labels(s.x()), boxed(s.y()));
            return c;
        }
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        style(c.getStyler());
        if (plot.kind() == Plot.Kind.SCATTER) {
            c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            c.getStyler().setMarkerSize(4);
        } else if (plot.kind() == Plot.Kind.LOG_LOG) {
            c.getStyler().setXAxisLogarithmic(true);
            c.getStyler().setYAxisLogarithmic(true);
        }
        for (Plot.Series s : plot.series()) c.addSeries(s.name(), s.x(), s.y());
        return c;
    }

    private static void style(Styler s) {
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(java.awt.Color.WHITE);
    }

    /** Writes {@code chart} as PNG. */
    static void png(Chart<?, ?> chart, OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Writes {@code chart} as SVG (VectorGraphics2D, no network needed). */
    static void svg(Chart<?, ?> chart, OutputStream out) throws IOException {
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

    private static List<String> labels(double[] x) {
        List<String> l = new ArrayList<>(x.length);
        for (double v : x) l.add(TourCheck.formatNumber(v));
        return l;
    }

    private static List<Double> boxed(double[] y) {
        List<Double> l = new ArrayList<>(y.length);
        for (double v : y) l.add(v);
        return l;
    }
}

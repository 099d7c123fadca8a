package dev.anneal.samples.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning-rate charts in the style of the article's figures (its appendix has the matplotlib
 * code): steps on the x axis from 0 to the last step, labelled once per epoch; the rate on the y
 * axis from 0 to a little above the initial rate; a black line with a circle on every step.
 */
public final class ScheduleCharts {

  /**
   * Width and height of a schedule's own chart: matplotlib's {@code figsize=(10, 5)} at 100 dpi.
   */
  public static final int WIDTH = 1000;

  /** Height of a schedule's own chart. */
  public static final int HEIGHT = 500;

  /** Width of one chart of the cheat sheet. */
  public static final int TILE_WIDTH = 560;

  /** Height of one chart of the cheat sheet. */
  public static final int TILE_HEIGHT = 290;

  /** Columns of the cheat sheet: three stay readable when the image is scaled to a page. */
  public static final int CHEAT_SHEET_COLUMNS = 3;

  /** Height of the band above the cheat sheet's grid that holds its heading. */
  public static final int CHEAT_SHEET_HEADER = 90;

  /** Pixels of white the title keeps from each edge of the image at least. */
  public static final int TITLE_MARGIN = 16;

  private static final Color METRIC_COLOR = new Color(0x1f77b4);

  private static final Color COMPARISON_COLOR = new Color(0x999999);

  private ScheduleCharts() {}

  /**
   * A schedule drawn under another for comparison.
   *
   * @param rates its rate at each step; NaN past its end
   * @param reference its name in the legend
   * @param curve the name in the legend of the schedule it is compared with
   */
  public record Compared(double[] rates, String reference, String curve) {}

  /**
   * The chart of one schedule.
   *
   * @param title the chart's title, the PyTorch call
   * @param rates the rate at each step; NaN past the end of a schedule that stops early
   * @param stepsPerEpoch the spacing of the labelled ticks of the x axis
   * @param yMax the top of the y axis
   * @param metric the metric that drove the schedule, drawn on a second y axis, or {@code null}
   * @param tile whether the chart is a tile of the cheat sheet: smaller, with smaller type
   */
  public static XYChart schedule(
      String title,
      double[] rates,
      int stepsPerEpoch,
      double yMax,
      IntToDoubleFunction metric,
      boolean tile) {
    return schedule(title, rates, stepsPerEpoch, yMax, metric, null, tile);
  }

  /**
   * The chart of one schedule over another that it is compared with, such as the same schedule
   * without noise: that one in grey and dashed, under the schedule's own curve, and on a chart of
   * its own (not a tile) a legend naming the two.
   *
   * @param comparison the other schedule's rates, its name in the legend and the schedule's own;
   *     {@code null} for none
   * @see #schedule(String, double[], int, double, IntToDoubleFunction, boolean)
   */
  public static XYChart schedule(
      String title,
      double[] rates,
      int stepsPerEpoch,
      double yMax,
      IntToDoubleFunction metric,
      Compared comparison,
      boolean tile) {
    int steps = rates.length;
    boolean log = logScale(rates);
    XYChart chart =
        new XYChartBuilder()
            .width(tile ? TILE_WIDTH : WIDTH)
            .height(tile ? TILE_HEIGHT : HEIGHT)
            .title(title)
            .xAxisTitle("Steps")
            .yAxisTitle(log ? "Learning Rate (log scale)" : "Learning Rate")
            .build();
    XYStyler styler = chart.getStyler();
    applyArticleStyle(styler, tile);
    styler.setXAxisMin(0.0).setXAxisMax((double) steps);
    // The x ticks fall on the data's steps; labelling only epoch boundaries mirrors matplotlib's
    // MultipleLocator(STEPS_IN_EPOCH) in the article's code.
    styler.setxAxisTickLabelsFormattingFunction(
        x -> Math.rint(x) % stepsPerEpoch == 0 ? Long.toString(Math.round(x)) : "");
    if (log) {
      styler.setYAxisLogarithmic(true);
      styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest(rates)))));
      styler.setYAxisMax(yMax);
      // XChart labels a log axis at the powers of ten: 1E-09 rather than a row of zeros. Its log
      // axis takes the chart-wide pattern, not the axis group's.
      styler.setYAxisDecimalPattern("0E00");
    } else {
      styler.setYAxisMin(0.0).setYAxisMax(yMax);
      // Per axis group: a chart-wide pattern would also override the metric's axis.
      styler.putYAxisGroupDecimalPatternMap(0, "0.0000");
    }
    styler.setYAxisTickMarkSpacingHint(tile ? 40 : 70);

    if (comparison != null) {
      // First, so that the schedule's own curve and markers are drawn over it.
      int compared = definedPrefix(comparison.rates());
      double[] cx = new double[compared];
      double[] cy = new double[compared];
      for (int i = 0; i < compared; i++) {
        cx[i] = i;
        cy[i] = comparison.rates()[i];
      }
      XYSeries reference = chart.addSeries(comparison.reference(), cx, cy);
      reference.setLineColor(COMPARISON_COLOR);
      reference.setMarker(SeriesMarkers.NONE);
      reference.setLineStyle(
          new BasicStroke(
              tile ? 1.5f : 2f,
              BasicStroke.CAP_BUTT,
              BasicStroke.JOIN_MITER,
              10f,
              tile ? new float[] {4f, 3f} : new float[] {7f, 5f},
              0f));
      if (!tile) {
        styler.setLegendVisible(true);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendSeriesLineLength(36);
      }
    }

    int defined = definedPrefix(rates);
    double[] x = new double[defined];
    double[] y = new double[defined];
    for (int i = 0; i < defined; i++) {
      x[i] = i;
      y[i] = rates[i];
    }
    XYSeries series =
        chart.addSeries(comparison == null ? "rate" : comparison.curve(), x, y);
    series.setLineColor(Color.BLACK);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(Color.BLACK);
    series.setLineStyle(new BasicStroke(tile ? 1.5f : 2f));

    if (metric != null) {
      double[] values = new double[defined];
      double top = 0;
      for (int i = 0; i < defined; i++) {
        values[i] = metric.applyAsDouble(i);
        top = Math.max(top, values[i]);
      }
      if (tile) {
        // A second axis would take width from this tile's plot only, and the cheat sheet's plots
        // line up when all are equally wide: the loss is scaled to the rate axis instead, its
        // peak at the top rate, which keeps its shape, the point of a tile.
        double scale = yMax / 1.1 / top;
        for (int i = 0; i < defined; i++) {
          values[i] *= scale;
        }
      }
      XYSeries metricSeries = chart.addSeries("validation loss", x, values);
      metricSeries.setLineColor(METRIC_COLOR);
      metricSeries.setMarker(SeriesMarkers.NONE);
      metricSeries.setLineStyle(
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      if (tile) {
        fitTitle(chart);
        return chart;
      }
      metricSeries.setYAxisGroup(1);
      chart.setYAxisGroupTitle(1, "Validation loss (dashed)");
      styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
      styler.setYAxisMin(1, 0.0).setYAxisMax(1, top * 1.1);
      // XChart 3.8 formats both y axes with the first one's decimal pattern. Tell them apart by
      // magnitude instead: the rates are below 0.01, the loss ticks are multiples of 0.1.
      styler.setyAxisTickLabelsFormattingFunction(
          value ->
              value == 0
                  ? "0"
                  : String.format(Locale.ROOT, Math.abs(value) < 0.01 ? "%.4f" : "%.2f", value));
      styler.setYAxisGroupTickLabelsColorMap(1, METRIC_COLOR);
    }
    fitTitle(chart);
    return chart;
  }

  /**
   * Whether a schedule's chart has a logarithmic rate axis: where a quarter of its points or more
   * would sit on the zero line of a linear one (below a hundredth of its highest rate), as an
   * exponential decay's do, and none is zero, which a log axis cannot show. A curve that reaches
   * zero, or only dips near it at the end, keeps the linear axis the article draws it on.
   */
  public static boolean logScale(double[] rates) {
    int defined = definedPrefix(rates);
    double top = 0;
    for (int i = 0; i < defined; i++) {
      top = Math.max(top, rates[i]);
    }
    int flat = 0;
    for (int i = 0; i < defined; i++) {
      if (!(rates[i] > 0)) {
        return false;
      }
      if (rates[i] < top / 100) {
        flat++;
      }
    }
    return defined > 0 && 4 * flat >= defined;
  }


  private static double smallest(double[] rates) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < definedPrefix(rates); i++) {
      min = Math.min(min, rates[i]);
    }
    return min;
  }

  /**
   * Makes the title's type smaller until the drawn title stays clear of both edges of the image.
   * XChart centres the title over the plot, not the image, so how much room it has depends on the
   * axes' labels; and the width of a string depends on the fonts of the machine. Drawing the chart
   * and looking at the title's row measures both, where a computed width would guess.
   */
  static void fitTitle(XYChart chart) {
    XYStyler styler = chart.getStyler();
    while (true) {
      int[] extent = titleInk(BitmapEncoder.getBufferedImage(chart), styler);
      if (extent == null
          || (extent[0] >= TITLE_MARGIN && extent[1] < chart.getWidth() - TITLE_MARGIN)) {
        return;
      }
      Font font = styler.getChartTitleFont();
      if (font.getSize2D() <= 8) {
        return;
      }
      // Shrink in proportion to the room around the title's centre, then look again: a drawing or
      // two per chart rather than one per point of type.
      double centre = (extent[0] + extent[1]) / 2.0;
      double room = 2 * Math.min(centre - TITLE_MARGIN, chart.getWidth() - TITLE_MARGIN - centre);
      double scaled = Math.floor(font.getSize2D() * room / (extent[1] - extent[0] + 1));
      styler.setChartTitleFont(
          font.deriveFont((float) Math.max(8, Math.min(font.getSize2D() - 1, scaled))));
    }
  }

  /**
   * The leftmost and rightmost columns with ink in the band where XChart draws the title, below
   * the chart's padding and as high as the title's type; {@code null} where there is none.
   */
  public static int[] titleInk(BufferedImage image, XYStyler styler) {
    int top = styler.getChartPadding();
    int height = (int) Math.ceil(styler.getChartTitleFont().getSize2D() * 1.3);
    int left = -1;
    int right = -1;
    for (int y = top; y < Math.min(image.getHeight(), top + height); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int darkest = Math.min((rgb >> 16) & 0xff, Math.min((rgb >> 8) & 0xff, rgb & 0xff));
        if (darkest < 160) {
          left = left < 0 ? x : Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    return left < 0 ? null : new int[] {left, right};
  }

  /**
   * All the charts in one image, in a grid of {@link #CHEAT_SHEET_COLUMNS} columns under a heading,
   * like the article's visual cheat sheet.
   *
   * @param heading the first line of the heading
   * @param subheading the second line of the heading
   * @param tiles charts built with {@code tile = true}
   */
  public static BufferedImage cheatSheet(String heading, String subheading, List<XYChart> tiles) {
    int columns = Math.min(CHEAT_SHEET_COLUMNS, Math.max(1, tiles.size()));
    int rows = (tiles.size() + columns - 1) / columns;
    BufferedImage image =
        new BufferedImage(
            columns * TILE_WIDTH,
            CHEAT_SHEET_HEADER + rows * TILE_HEIGHT,
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
      g.drawString(heading, 24, 42);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
      g.setColor(Color.DARK_GRAY);
      g.drawString(subheading, 24, 72);
      for (int i = 0; i < tiles.size(); i++) {
        BufferedImage tile = BitmapEncoder.getBufferedImage(tiles.get(i));
        g.drawImage(
            tile,
            (i % columns) * TILE_WIDTH,
            CHEAT_SHEET_HEADER + (i / columns) * TILE_HEIGHT,
            null);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The look shared by every chart: white, no grid, no legend, no frame, black type. */
  static void applyArticleStyle(XYStyler styler, boolean small) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesVisible(false);
    styler.setLegendVisible(false);
    styler.setChartTitleBoxVisible(false);
    styler.setChartFontColor(Color.BLACK);
    styler.setAxisTickLabelsColor(Color.BLACK);
    styler.setAxisTickMarksColor(Color.BLACK);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, small ? 13 : 17));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, small ? 12 : 15));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, small ? 11 : 13));
    styler.setChartPadding(small ? 8 : 14);
    styler.setMarkerSize(small ? 5 : 7);
  }


  /** How many leading entries are defined: a schedule that stops early is NaN after its end. */
  private static int definedPrefix(double[] values) {
    int n = 0;
    while (n < values.length && !Double.isNaN(values[n])) {
      n++;
    }
    return n;
  }
}

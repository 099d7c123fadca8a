package dev.anneal.samples.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The training demo's figure: loss curves beside the rates that produced them. */
public final class TrainingCharts {

  /** Width of each of the two panels. */
  public static final int PANEL_WIDTH = 960;

  /** Height of the figure. */
  public static final int HEIGHT = 560;

  /** The constant baseline in black, then matplotlib's default colours, which readers know. */
  private static final Color[] PALETTE = {
    Color.BLACK,
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf),
  };

  private TrainingCharts() {}

  /**
   * One curve of the figure.
   *
   * @param name the legend entry
   * @param loss the training loss before training and after each epoch
   * @param rates the rate of every optimizer step
   * @param colour the curve's place in the palette: a schedule keeps its colour in every figure,
   *     whichever schedules an engine leaves out
   */
  public record Curve(String name, double[] loss, double[] rates, int colour) {}

  /**
   * The figure: on the left the training loss per epoch on a log scale labelled at 1, 2 and 5
   * times each power of ten, its final value in the legend, on the right the rate of every step, each panel with its legend.
   */
  public static BufferedImage figure(
      String title, List<Curve> curves, int epochs, int stepsPerEpoch) {
    List<XYChart> panels = panels(title, curves, epochs, stepsPerEpoch);
    BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.drawImage(BitmapEncoder.getBufferedImage(panels.get(0)), 0, 0, null);
      g.drawImage(BitmapEncoder.getBufferedImage(panels.get(1)), PANEL_WIDTH, 0, null);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The figure's two panels, the loss and the rates, as {@link #figure} draws them. */
  static List<XYChart> panels(String title, List<Curve> curves, int epochs, int stepsPerEpoch) {
    XYChart loss =
        new XYChartBuilder()
            .width(PANEL_WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("Epoch")
            .yAxisTitle("Training loss (log scale; the final one in the legend)")
            .build();
    style(loss.getStyler(), epochs);
    loss.getStyler().setYAxisLogarithmic(true);
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (Curve curve : curves) {
      for (double value : curve.loss()) {
        lowest = Math.min(lowest, value);
        highest = Math.max(highest, value);
      }
    }
    // XChart labels a log axis at the powers of ten only.
    if (lowest > 0 && highest > lowest) {
      loss.addAnnotation(new LogAxisLabels(lowest, highest));
    }

    XYChart rates =
        new XYChartBuilder()
            .width(PANEL_WIDTH)
            .height(HEIGHT)
            .title("The learning rate each schedule set")
            .xAxisTitle("Epoch")
            .yAxisTitle("Learning Rate")
            .build();
    style(rates.getStyler(), epochs);
    rates.getStyler().setYAxisMin(0.0);
    // XChart's default pattern writes 0.05 as ".05" among "0.1" and "0.15".
    rates.getStyler().setYAxisDecimalPattern("0.00");

    for (Curve curve : curves) {
      Color color = PALETTE[curve.colour() % PALETTE.length];
      double[] epochAxis = new double[curve.loss().length];
      for (int e = 0; e < epochAxis.length; e++) {
        epochAxis[e] = e;
      }
      // A log axis labelled at 1 and 0.1 cannot tell 0.026 from 0.058: the legend gives the
      // final loss, the number the curves are compared by.
      XYSeries lossSeries =
          loss.addSeries(
              String.format(
                  Locale.ROOT, "%s  %.3f", curve.name(), curve.loss()[curve.loss().length - 1]),
              epochAxis,
              curve.loss());
      lossSeries.setLineColor(color);
      lossSeries.setMarker(SeriesMarkers.NONE);
      lossSeries.setLineStyle(new BasicStroke(2f));

      // Rates against epochs, so the two panels share their x axis.
      double[] x = new double[curve.rates().length];
      for (int s = 0; s < x.length; s++) {
        x[s] = (double) s / stepsPerEpoch;
      }
      XYSeries rateSeries = rates.addSeries(curve.name(), x, curve.rates());
      rateSeries.setLineColor(color);
      rateSeries.setMarker(SeriesMarkers.NONE);
      rateSeries.setLineStyle(new BasicStroke(1.6f));
    }

    return List.of(loss, rates);
  }

  private static void style(XYStyler styler, int epochs) {
    ScheduleCharts.applyArticleStyle(styler, false);
    styler.setLegendVisible(true);
    // Outside the plot, on the right of each panel: inside, the legend hid the curves' ends, and
    // both panels carry one so that each reads alone.
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setPlotGridHorizontalLinesVisible(true);
    styler.setPlotGridLinesColor(new Color(0xe6e6e6));
    styler.setXAxisMin(0.0).setXAxisMax((double) epochs);
    // Ticks fall on data points; about six labels keep the axis readable.
    int every = Math.max(1, epochs / 6);
    styler.setxAxisTickLabelsFormattingFunction(
        x ->
            Math.abs(x - Math.rint(x)) < 1e-9 && Math.rint(x) % every == 0
                ? Long.toString(Math.round(x))
                : "");
  }
}

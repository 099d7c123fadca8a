package dev.anneal.samples.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** The training figure's panels: legends, final losses, rate ticks. */
class TrainingChartsTest {

  private static final List<TrainingCharts.Curve> CURVES =
      List.of(
          new TrainingCharts.Curve(
              "constant", new double[] {1.2, 0.5, 0.19}, new double[] {0.5, 0.5, 0.5, 0.5}, 0),
          new TrainingCharts.Curve(
              "one-cycle", new double[] {1.2, 0.3, 0.026}, new double[] {0.02, 0.5, 0.2, 0}, 5));

  private final List<XYChart> panels = TrainingCharts.panels("title", CURVES, 2, 2);

  @Test
  void bothPanelsHaveALegendBesideThePlot() {
    for (XYChart panel : panels) {
      assertTrue(panel.getStyler().isLegendVisible());
      assertEquals(Styler.LegendPosition.OutsideE, panel.getStyler().getLegendPosition());
    }
    assertEquals(
        List.of("constant", "one-cycle"), List.copyOf(panels.get(1).getSeriesMap().keySet()));
  }

  @Test
  void theLossLegendGivesEachFinalLoss() {
    // The log axis is labelled at powers of ten only: 0.026 and 0.19 are read in the legend.
    assertEquals(
        List.of("constant  0.190", "one-cycle  0.026"),
        List.copyOf(panels.get(0).getSeriesMap().keySet()));
    assertTrue(panels.get(0).getStyler().isYAxisLogarithmic());
  }

  @Test
  void theLossAxisIsAlsoLabelledAtTwoAndFiveTimesEachPowerOfTen() {
    // The demo's losses run from about 1.6 down to 0.026: XChart labels 1 and 0.1.
    assertEquals(List.of(0.05, 0.2, 0.5), LogAxisLabels.between(0.026, 1.6));
    assertEquals(List.of(0.002, 0.005, 0.02, 0.05), LogAxisLabels.between(0.001, 0.05));
    assertEquals(List.of(2.0, 5.0, 20.0), LogAxisLabels.between(1.5, 30));
    assertEquals("0.05", LogAxisLabels.label(0.05));
    assertEquals("0.002", LogAxisLabels.label(0.002));
    assertEquals("20", LogAxisLabels.label(20.0));
  }

  @Test
  void rateTicksHaveALeadingZero() {
    String pattern = panels.get(1).getStyler().getYAxisDecimalPattern();
    DecimalFormat format =
        new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    assertEquals("0.05", format.format(0.05));
    assertEquals("0.15", format.format(0.15));
  }
}

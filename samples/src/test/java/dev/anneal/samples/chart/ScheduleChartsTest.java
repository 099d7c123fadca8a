package dev.anneal.samples.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.samples.tour.Sample;
import dev.anneal.samples.tour.Samples;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** How the tour's charts look: titles inside the image, log axes where due, equal tiles. */
class ScheduleChartsTest {

  private static final int STEPS = Samples.EPOCHS * Samples.STEPS_PER_EPOCH;
  private static final double Y_MAX = Samples.LEARNING_RATE * 1.1;

  private static XYChart chart(Sample sample, String title, boolean tile) {
    return ScheduleCharts.schedule(
        title,
        sample.rates(STEPS),
        Samples.STEPS_PER_EPOCH,
        Y_MAX,
        sample.metric(),
        sample.comparison() == null
            ? null
            : new ScheduleCharts.Compared(
                sample.comparisonRates(STEPS),
                sample.comparison().reference(),
                sample.comparison().curve()),
        tile);
  }

  private static boolean dark(BufferedImage image, int x, int y) {
    int rgb = image.getRGB(x, y);
    return Math.min((rgb >> 16) & 0xff, Math.min((rgb >> 8) & 0xff, rgb & 0xff)) < 160;
  }

  /**
   * The title is the only thing XChart draws in the top rows; a title too wide for the image is
   * cut at its edges, which leaves ink in the first or last columns.
   */
  private static void assertTitleInside(BufferedImage image, int rows, String what) {
    boolean inked = false;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (dark(image, x, y)) {
          inked = true;
          int from = x;
          assertTrue(
              from >= 8 && from < image.getWidth() - 8,
              () -> what + ": title ink at column " + from + " of " + image.getWidth());
        }
      }
    }
    assertTrue(inked, what + ": no title drawn");
  }

  @Test
  void everyTitleStaysInsideItsImage() {
    for (Sample sample : Samples.all()) {
      assertTitleInside(
          BitmapEncoder.getBufferedImage(chart(sample, sample.torchCall(), false)),
          40,
          sample.id());
      assertTitleInside(
          BitmapEncoder.getBufferedImage(chart(sample, sample.label(), true)),
          25,
          sample.id() + " (tile)");
    }
  }

  @Test
  void aTitleFarTooLongForTheImageIsSetInSmallerType() {
    Sample sample = Samples.byId("warmup-cosine").orElseThrow();
    String title = sample.torchCall().replace("[4])", "[4]), as written in a training script");
    XYChart chart = chart(sample, title, false);
    assertTrue(chart.getStyler().getChartTitleFont().getSize2D() < 17);
    assertTitleInside(BitmapEncoder.getBufferedImage(chart), 40, "a doubled title");
  }

  @Test
  void aScheduleThatSpansDecadesGetsALogAxisOthersKeepTheArticlesLinearOne() {
    // ExponentialLR(gamma=0.5) falls from 1e-3 to 5e-13: on a linear axis 25 of its 32 points
    // would lie on zero.
    assertTrue(
        chart(Samples.byId("exponential-lr").orElseThrow(), "", false)
            .getStyler()
            .isYAxisLogarithmic());
    // Reaching zero (PolynomialLR), or dipping near it in the last steps only (StepLR's 4 points
    // under 1e-5, OneCycleLR's end at 4e-9, the cosines), keeps the linear axis.
    for (String id :
        List.of(
            "step-lr",
            "polynomial-lr-power-2",
            "one-cycle-lr-cos",
            "warmup-cosine",
            "cosine-annealing-lr",
            "hf-linear")) {
      assertFalse(
          chart(Samples.byId(id).orElseThrow(), "", false).getStyler().isYAxisLogarithmic(), id);
    }
    // A log axis has no place for zero: every chart on one has only positive rates.
    for (Sample sample : Samples.all()) {
      if (ScheduleCharts.logScale(sample.rates(STEPS))) {
        for (double rate : sample.rates(STEPS)) {
          assertTrue(rate > 0, sample.id() + ": " + rate);
        }
      }
    }
  }

  /**
   * Where a tile's plot begins and ends: the column of its y axis and the right end of its x axis,
   * the longest horizontal run of dark pixels in the lower half (which may start left of the y
   * axis, where a tick mark meets it). The y axis is the rightmost column of the left half with a
   * vertical run nearly as long as the longest: a log axis's tick marks, packed near each power of
   * ten, make columns as dark as the axis just left of it.
   */
  private static int[] plot(BufferedImage tile) {
    int[] runs = new int[tile.getWidth() / 2];
    int longest = 0;
    for (int x = 0; x < runs.length; x++) {
      int run = 0;
      for (int y = 0; y < tile.getHeight(); y++) {
        run = dark(tile, x, y) ? run + 1 : 0;
        runs[x] = Math.max(runs[x], run);
      }
      longest = Math.max(longest, runs[x]);
    }
    int axisColumn = 0;
    for (int x = 0; x < runs.length; x++) {
      if (runs[x] >= 0.9 * longest) {
        axisColumn = x;
      }
    }
    int end = 0;
    int widest = 0;
    for (int y = tile.getHeight() / 2; y < tile.getHeight(); y++) {
      int run = 0;
      for (int x = 0; x < tile.getWidth(); x++) {
        run = dark(tile, x, y) ? run + 1 : 0;
        if (run > widest) {
          widest = run;
          end = x;
        }
      }
    }
    return new int[] {axisColumn, end};
  }

  @Test
  void theCheatSheetsPlotsAreAllAsWide() {
    List<String> widths = new ArrayList<>();
    int[] first = null;
    for (Sample sample : Samples.all()) {
      if (ScheduleCharts.logScale(sample.rates(STEPS))) {
        // XChart makes room for the y axis's longest label: ExponentialLR's 1E-13 is 7 pixels
        // narrower than the linear axes' 0.0000, and its plot that much wider.
        continue;
      }
      int[] axis = plot(BitmapEncoder.getBufferedImage(chart(sample, sample.label(), true)));
      widths.add(sample.id() + " " + axis[0] + ".." + axis[1]);
      if (first == null) {
        first = axis;
      }
      assertTrue(axis[1] - axis[0] > ScheduleCharts.TILE_WIDTH / 2, widths::toString);
      assertEquals(first[1] - first[0], axis[1] - axis[0], 2, widths::toString);
      assertEquals(first[0], axis[0], 2, widths::toString);
    }
  }
}

package dev.anneal.samples.chart;

import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Labels at 2 and 5 times each power of ten on a chart's logarithmic y axis, beside XChart's own,
 * which it draws at the powers of ten only: over a decade or two, 1 and 0.1 alone leave the
 * curves' values to guesswork. Drawn as XChart draws its tick labels, right-aligned left of the
 * axis, on the minor tick marks XChart already draws there.
 */
final class LogAxisLabels extends Annotation {

  private final List<Double> values;

  /** Labels for the multiples of 2 and 5 of powers of ten between {@code min} and {@code max}. */
  LogAxisLabels(double min, double max) {
    super(false);
    this.values = between(min, max);
  }

  /** 2 and 5 times each power of ten from {@code min} to {@code max}, in increasing order. */
  static List<Double> between(double min, double max) {
    List<Double> values = new ArrayList<>();
    for (int power = (int) Math.floor(Math.log10(min));
        power <= (int) Math.ceil(Math.log10(max));
        power++) {
      for (int mantissa : new int[] {2, 5}) {
        double value = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(power).doubleValue();
        if (value >= min && value <= max) {
          values.add(value);
        }
      }
    }
    return values;
  }

  /** A label as XChart writes the powers of ten: {@code 0.05}, {@code 2}. */
  static String label(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Override
  public void paint(Graphics2D g) {
    AxesChartStyler axes = (AxesChartStyler) styler;
    g.setFont(axes.getAxisTickLabelsFont());
    g.setColor(axes.getYAxisTickLabelsColor());
    double right =
        getXAxisScreenValueForMin() - axes.getAxisTickMarkLength() - axes.getAxisTickPadding();
    for (double value : values) {
      TextLayout layout = new TextLayout(label(value), g.getFont(), g.getFontRenderContext());
      Rectangle2D box = layout.getBounds();
      double y = getYAxisScreenValue(value);
      layout.draw(
          g, (float) (right - box.getWidth() - box.getX()), (float) (y + box.getHeight() / 2));
    }
  }
}

package dev.anneal.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Checks on written images: present, of the expected size, and with something drawn. */
final class Images {

  private Images() {}

  /**
   * Reads {@code file} and checks its size and that at least {@code minInk} pixels are far from
   * white: an empty or failed chart has a handful at most.
   */
  static BufferedImage assertDrawn(Path file, int width, int height, int minInk)
      throws IOException {
    assertTrue(Files.isRegularFile(file), () -> file + " was not written");
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, () -> file + " is not a readable image");
    assertEquals(width, image.getWidth(), () -> file + " width");
    assertEquals(height, image.getHeight(), () -> file + " height");
    int ink = ink(image);
    assertTrue(ink >= minInk, () -> file + " has only " + ink + " drawn pixels");
    return image;
  }

  /** Pixels whose darkest channel is below 160 of 255. */
  static int ink(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int darkest = Math.min((rgb >> 16) & 0xff, Math.min((rgb >> 8) & 0xff, rgb & 0xff));
        if (darkest < 160) {
          count++;
        }
      }
    }
    return count;
  }

  /** Ink pixels inside the rectangle: where a chart's plot area is. */
  static int ink(BufferedImage image, int x0, int y0, int width, int height) {
    return ink(image.getSubimage(x0, y0, width, height));
  }
}

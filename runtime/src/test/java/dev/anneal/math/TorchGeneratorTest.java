package dev.anneal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generator against MT19937's published outputs, a textbook MT19937 written out here, and
 * values PyTorch 1.13 printed ({@code torch-generator.txt}, whose first line says how).
 */
class TorchGeneratorTest {

  @Test
  void initGenrand5489GivesThePublishedOutputs() {
    int[] g = TorchGenerator.newState();
    TorchGenerator.manualSeed(g, 5489);
    long[] published = {3499211612L, 581869302L, 3890346734L, 3586334585L, 545404204L};
    for (long expected : published) {
      assertEquals(expected, TorchGenerator.random(g) & 0xffffffffL);
    }
  }

  @Test
  void theTenThousandthOutputForSeed5489IsTheCppStandards() {
    // [rand.predef]: the 10000th consecutive invocation of a default-constructed std::mt19937
    // (seed 5489) produces 4123659995.
    int[] g = TorchGenerator.newState();
    TorchGenerator.manualSeed(g, 5489);
    int last = 0;
    for (int i = 0; i < 10_000; i++) {
      last = TorchGenerator.random(g);
    }
    assertEquals(4123659995L, last & 0xffffffffL);
  }

  /**
   * The engine writes the seed's words and twists them as the draws reach them; a textbook
   * MT19937 writes all 624 at the seed and twists them 624 at a time. Their outputs agree over
   * several rounds, for any seed.
   */
  @Test
  void drawingWordByWordGivesTheTextbookOutputs() {
    SplittableRandom random = new SplittableRandom(20261207L);
    int[] g = TorchGenerator.newState();
    for (int s = 0; s < 50; s++) {
      long seed = s < 5 ? s : random.nextLong();
      TorchGenerator.manualSeed(g, seed);
      TextbookMt19937 textbook = new TextbookMt19937((int) seed);
      for (int i = 0; i < 3 * 624 + 7; i++) {
        assertEquals(textbook.next(), TorchGenerator.random(g), "seed " + seed + ", output " + i);
      }
    }
  }

  @Test
  void aSeedCountsByItsLow32Bits() {
    long[][] sameSeeds = {
      {42, 42 + (1L << 32), 42 - (1L << 32), 42 | Long.MIN_VALUE},
      {-1, 0xffffffffL, Long.MAX_VALUE},
      {0, Long.MIN_VALUE, 1L << 32},
    };
    int[] g = TorchGenerator.newState();
    for (long[] seeds : sameSeeds) {
      TorchGenerator.manualSeed(g, seeds[0]);
      long first = TorchGenerator.random64(g);
      for (long seed : seeds) {
        TorchGenerator.manualSeed(g, seed);
        assertEquals(first, TorchGenerator.random64(g), "seed " + seed);
      }
    }
  }

  @Test
  void manualSeedDropsTheKeptNormalSample() {
    int[] g = TorchGenerator.newState();
    TorchGenerator.manualSeed(g, 3);
    float first = TorchGenerator.randn(g);
    TorchGenerator.manualSeed(g, 3);
    assertEquals(first, TorchGenerator.randn(g));
  }

  @Test
  void newStateIsSeededAsTorchGeneratorIs() {
    int[] fresh = TorchGenerator.newState();
    int[] seeded = TorchGenerator.newState();
    TorchGenerator.manualSeed(seeded, 67280421310721L);
    assertEquals(TorchGenerator.random64(seeded), TorchGenerator.random64(fresh));
  }

  @Test
  void drawsArePyTorchs() throws IOException {
    int seeds = 0;
    int values = 0;
    int[] g = TorchGenerator.newState();
    for (String[] row : rows("torch-generator.txt")) {
      switch (row[0]) {
        case "randn":
        case "rand": {
          long seed = seed(row[1]);
          int count = Integer.parseInt(row[2]);
          assertEquals(count, row.length - 3);
          TorchGenerator.manualSeed(g, seed);
          for (int i = 0; i < count; i++) {
            float x = row[0].equals("randn") ? TorchGenerator.randn(g) : TorchGenerator.rand(g);
            assertEquals(Double.parseDouble(row[3 + i]), x, 0.0, row[0] + " " + seed + ", draw " + i);
            values++;
          }
          break;
        }
        case "normal": {
          long seed = seed(row[1]);
          double noise = TimmNoise.normal(seed, Double.parseDouble(row[2]), Double.parseDouble(row[3]));
          assertEquals(Double.parseDouble(row[4]), noise, 0.0, String.join(" ", row));
          // -0.0 and 0.0 are equal to a delta; the sign too must be the reference's.
          assertEquals(Double.doubleToRawLongBits(Double.parseDouble(row[4])), Double.doubleToRawLongBits(noise));
          values++;
          break;
        }
        case "uniform": {
          long seed = seed(row[1]);
          double noise = TimmNoise.uniform(seed, Double.parseDouble(row[2]));
          assertEquals(Double.doubleToRawLongBits(Double.parseDouble(row[3])), Double.doubleToRawLongBits(noise),
              String.join(" ", row));
          values++;
          break;
        }
        default: {
          long seed = seed(row[0]);
          assertEquals(10, row.length);
          TorchGenerator.manualSeed(g, seed);
          for (int i = 0; i < 6; i++) {
            assertEquals(Double.parseDouble(row[1 + i]), TorchGenerator.randn(g), 0.0, "randn " + seed + ", draw " + i);
          }
          TorchGenerator.manualSeed(g, seed);
          for (int i = 0; i < 3; i++) {
            assertEquals(Double.parseDouble(row[7 + i]), TorchGenerator.rand(g), 0.0, "rand " + seed + ", draw " + i);
          }
          seeds++;
          values += 9;
        }
      }
    }
    // Every row of the file was read: 215 seeds of nine draws, 3,000 draws in a row, 16 loops.
    assertEquals(215, seeds);
    assertEquals(215 * 9 + 3_000 + 16, values);
  }

  /** A Python integer seed in [-2^63, 2^64), as the long of the same low 64 bits. */
  private static long seed(String text) {
    return new BigInteger(text).longValue();
  }

  /** The rows of a resource beside this class, split at spaces, without its comment lines. */
  static List<String[]> rows(String resource) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = TorchGeneratorTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.trim().split(" +"));
        }
      }
    }
    return rows;
  }

  /** MT19937 as Matsumoto and Nishimura's mt19937ar.c writes it: init_genrand and genrand_int32. */
  private static final class TextbookMt19937 {
    private final int[] mt = new int[624];
    private int mti;

    TextbookMt19937(int seed) {
      mt[0] = seed;
      for (mti = 1; mti < 624; mti++) {
        mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
      }
    }

    int next() {
      if (mti >= 624) {
        int kk;
        for (kk = 0; kk < 624 - 397; kk++) {
          int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
          mt[kk] = mt[kk + 397] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        for (; kk < 623; kk++) {
          int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
          mt[kk] = mt[kk + (397 - 624)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        int y = (mt[623] & 0x80000000) | (mt[0] & 0x7fffffff);
        mt[623] = mt[396] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        mti = 0;
      }
      int y = mt[mti++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      return y;
    }
  }
}

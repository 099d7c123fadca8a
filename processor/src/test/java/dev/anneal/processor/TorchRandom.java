package dev.anneal.processor;

/**
 * PyTorch's CPU generator as {@code torch.Generator().manual_seed(seed)} leaves it, written
 * plainly for the random configs' port of timm's noise: the textbook MT19937 of {@code
 * mt19937ar.c} ({@code init_genrand} on the seed's low 32 bits, all 624 words twisted whenever
 * they run out), and the draws behind {@code torch.randn(1, generator=g)} and {@code torch.rand(1,
 * generator=g)} as PyTorch's distribution templates make them. Written apart from the runtime's
 * generator, which seeds and twists only the words its draws reach, so that the two check each
 * other.
 */
final class TorchRandom {
  private static final int N = 624;
  private static final int M = 397;

  private final int[] mt = new int[N];
  private int next = N;
  private Double normalSample;

  TorchRandom(long seed) {
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
  }

  /** {@code genrand_int32}: the next tempered 32-bit output. */
  private int random() {
    if (next == N) {
      for (int k = 0; k < N; k++) {
        int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908b0df);
      }
      next = 0;
    }
    int y = mt[next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** {@code random64()}: two outputs, the first the high word. */
  private long random64() {
    long high = random() & 0xffffffffL;
    long low = random() & 0xffffffffL;
    return high << 32 | low;
  }

  /** {@code uniform_real_distribution<double>(0, 1)}: the 53 low bits of a 64-bit draw. */
  private double uniformDouble() {
    return (random64() & ((1L << 53) - 1)) * 0x1p-53;
  }

  /**
   * {@code torch.randn(1, generator=g).item()}: {@code normal_distribution<double>(0, 1)} rounded
   * to float32. Box-Muller from two uniform doubles; the sine's sample is kept and is the next
   * draw; each result is {@code sample * std + mean} with std 1 and mean 0 (which turns -0 into 0).
   */
  double randn() {
    double sample;
    if (normalSample != null) {
      sample = normalSample;
      normalSample = null;
    } else {
      double u1 = uniformDouble();
      double u2 = uniformDouble();
      double r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
      double theta = 2.0 * Math.PI * u1;
      normalSample = r * Math.sin(theta);
      sample = r * Math.cos(theta);
    }
    return (float) (sample * 1.0 + 0.0);
  }

  /** {@code torch.rand(1, generator=g).item()}: {@code uniform_real_distribution<float>(0, 1)}, 24 low bits of one output. */
  double rand() {
    return (float) ((random() & ((1 << 24) - 1)) * 0x1p-24);
  }
}

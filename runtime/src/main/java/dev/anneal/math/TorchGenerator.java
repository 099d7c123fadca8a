package dev.anneal.math;

/**
 * What timm's learning-rate noise needs of PyTorch's CPU generator, {@code torch.Generator()}:
 * {@code manual_seed}, and the draws behind {@code torch.randn(1, generator=g)} and {@code
 * torch.rand(1, generator=g)} (float32), bit for bit.
 *
 * <p>The generator is a standard MT19937 ({@code at::mt19937}); {@code manual_seed(seed)} runs
 * {@code init_genrand} on the low 32 bits of the seed:
 *
 * <pre>
 * state[0] = seed &amp; 0xffffffff
 * state[j] = 1812433253 * (state[j-1] ^ (state[j-1] &gt;&gt; 30)) + j      (mod 2^32, j = 1 .. 623)
 * random()   = the next tempered output, 32 bits
 * random64() = random() &lt;&lt; 32 | random()                                 (the first is the high word)
 * uniform_real_distribution&lt;double&gt;(0, 1) = (random64() &amp; (2^53 - 1)) * 2^-53
 * uniform_real_distribution&lt;float&gt;(0, 1)  = (random() &amp; (2^24 - 1)) * 2^-24
 * normal_distribution&lt;double&gt;(0, 1):  u1, u2 uniform doubles, in that order,
 *   r = sqrt(-2 * log(1 - u2)),  theta = 2 * pi * u1
 *   returns r * cos(theta) * 1 + 0 and keeps r * sin(theta) for the next normal draw
 * </pre>
 *
 * <p>A Python seed reaches {@code manual_seed} as an unsigned 64-bit integer, a negative one (down
 * to -2^63) as its two's complement, and only its low 32 bits seed the engine: a {@code long}
 * seed, whatever its sign, is taken as the same bits. torch refuses seeds outside [-2^63, 2^64).
 *
 * <p>{@code torch.randn(1)} draws a tensor too small for PyTorch's vectorized normal fill (16 values
 * or more), so it takes the serial path, {@code normal_distribution<double>} rounded to float32;
 * {@code torch.rand(1)} takes {@code uniform_real_distribution<float>}, 24 low bits of one 32-bit
 * output. {@code manual_seed} forgets a kept normal sample.
 *
 * <p>A generator's state is an {@code int[]} of {@link #STATE_LENGTH} from {@link #newState}; the
 * other methods are static and allocate nothing, and a state must not be shared between threads
 * while in use. The engine initializes and twists its words as the draws reach them, not 624 at a
 * time: the words come out the same (each twisted word reads only words that are final by then),
 * and a freshly seeded generator that draws a few numbers, as timm's does once per step, computes
 * some 400 words instead of 1,248.
 *
 * <p>{@code log}, {@code sin} and {@code cos} are {@link Math}'s, not {@link StrictMath}'s: on the
 * Box-Muller samples above, Math's differ from the C library's that PyTorch calls (glibc's) in the
 * last bit of a double for about 0.2% of the samples, StrictMath's (fdlibm) for about 6%. The
 * float32 rounding absorbs such a difference unless the double lies within an ulp of a midpoint
 * between two floats, one time in some 2^28: of 4 million samples checked against the C
 * library's, none differed as a float.
 */
public final class TorchGenerator {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  /** Index of the next word to twist and output, 0 .. 623. */
  private static final int NEXT = N;
  /** How many of the 624 words {@code init_genrand} has written since the seed: 1 .. 624. */
  private static final int INITIALIZED = N + 1;
  /** 1 while a normal sample is kept for the next normal draw, else 0. */
  private static final int HAS_NORMAL = N + 2;
  /** The kept normal sample's bits, high and low word. */
  private static final int NORMAL_HIGH = N + 3;
  private static final int NORMAL_LOW = N + 4;

  /** The length of a generator's state. */
  public static final int STATE_LENGTH = N + 5;

  /** The seed {@code torch.Generator()} starts from, {@code default_rng_seed_val}. */
  public static final long DEFAULT_SEED = 67280421310721L;

  private TorchGenerator() {}

  /** A new generator, seeded as {@code torch.Generator()} is. */
  public static int[] newState() {
    int[] g = new int[STATE_LENGTH];
    manualSeed(g, DEFAULT_SEED);
    return g;
  }

  /**
   * {@code g.manual_seed(seed)}: the engine restarts from {@code init_genrand(seed & 0xffffffff)}
   * and the kept normal sample is dropped.
   */
  public static void manualSeed(int[] g, long seed) {
    g[0] = (int) seed;
    g[INITIALIZED] = 1;
    g[NEXT] = 0;
    g[HAS_NORMAL] = 0;
  }

  /** {@code random()}: the engine's next 32-bit output (as unsigned bits in an int). */
  public static int random(int[] g) {
    int p = g[NEXT];
    // MT19937 twists word p from words p, p + 1 and p + M of the previous round. While the first
    // round runs, those of the seed's words that init_genrand has not reached yet are written now.
    if (g[INITIALIZED] < N) {
      initializeThrough(g, Math.min(p + M, N - 1));
    }
    int q = p + 1 == N ? 0 : p + 1;
    int m = p + M < N ? p + M : p + M - N;
    int y = g[m] ^ twist(g[p], g[q]);
    g[p] = y;
    g[NEXT] = q;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** {@code random64()}: two outputs, the first as the high word. */
  public static long random64(int[] g) {
    long high = random(g) & 0xffffffffL;
    long low = random(g) & 0xffffffffL;
    return high << 32 | low;
  }

  /** {@code uniform_real_distribution<double>(0, 1)}: the low 53 bits of {@link #random64}, times 2^-53. */
  public static double uniformDouble(int[] g) {
    return (random64(g) & ((1L << 53) - 1)) * 0x1p-53;
  }

  /**
   * {@code torch.rand(1, generator=g).item()}: {@code uniform_real_distribution<float>(0, 1)}, the low
   * 24 bits of one {@link #random} times 2^-24 (times {@code to - from = 1}, plus {@code from = 0}).
   */
  public static float rand(int[] g) {
    return (random(g) & 0xffffff) * 0x1p-24f;
  }

  /**
   * {@code torch.randn(1, generator=g).item()}: the kept sample if there is one, else a new pair of
   * Box-Muller samples, of which the cosine's is returned and the sine's kept. Each goes through
   * {@code transformation::normal(x, mean = 0, std = 1) = x * 1 + 0} in double (which makes a
   * -0 +0) and is rounded to float32.
   */
  public static float randn(int[] g) {
    if (g[HAS_NORMAL] != 0) {
      g[HAS_NORMAL] = 0;
      double kept = Double.longBitsToDouble((long) g[NORMAL_HIGH] << 32 | (g[NORMAL_LOW] & 0xffffffffL));
      return (float) (kept + 0.0);
    }
    double u1 = uniformDouble(g);
    double u2 = uniformDouble(g);
    double r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
    double theta = 2.0 * Math.PI * u1;
    long sine = Double.doubleToRawLongBits(r * Math.sin(theta));
    g[NORMAL_HIGH] = (int) (sine >>> 32);
    g[NORMAL_LOW] = (int) sine;
    g[HAS_NORMAL] = 1;
    return (float) (r * Math.cos(theta) + 0.0);
  }

  /** Writes init_genrand's words up to index {@code last}. */
  private static void initializeThrough(int[] g, int last) {
    int j = g[INITIALIZED];
    if (j > last) {
      return;
    }
    int previous = g[j - 1];
    for (; j <= last; j++) {
      previous = 1812433253 * (previous ^ (previous >>> 30)) + j;
      g[j] = previous;
    }
    g[INITIALIZED] = j;
  }

  private static int twist(int u, int v) {
    int mixed = (u & UPPER_MASK) | (v & LOWER_MASK);
    return (mixed >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
  }
}

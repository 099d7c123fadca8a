package dev.anneal.benchmarks;

import dev.anneal.Schedule;
import dev.anneal.ScheduleType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * timm's {@code CosineLRScheduler} stepped per update ({@code t_in_epochs=False}) with everything
 * it has on: a warm-up from 1e-6 over 1,000 updates, three cycles of 12,500, 25,000 and 50,000
 * updates ({@code cycle_mul=2}, {@code cycle_limit=3}) whose peaks halve ({@code cycle_decay=0.5}),
 * the k-decay exponent 1.5, then {@code lr_min} from update 87,500; and noise from update 42,000
 * to 90,000, the range of timm's {@code train.py --lr-noise 0.42 0.9} over 100,000 updates, with
 * timm's default {@code noise_pct}, {@code noise_std} and {@code noise_seed}. Neither DJL nor ND4J
 * has timm's schedulers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimmCosineBenchmark {

  static final int T_INITIAL = 12_500;
  static final double LR_MIN = 1e-5;
  static final double CYCLE_MUL = 2.0;
  static final double CYCLE_DECAY = 0.5;
  static final int CYCLE_LIMIT = 3;
  static final int WARMUP_T = 1_000;
  static final double WARMUP_LR_INIT = 1e-6;
  static final double K_DECAY = 1.5;
  static final int NOISE_START = 42_000;
  static final int NOISE_END = 90_000;
  static final double NOISE_PCT = 0.67;
  static final double NOISE_STD = 1.0;
  static final int NOISE_SEED = 42;
  static final int LENGTH = 100_000;
  static final double BASE_LR = 0.1;

  @Schedule(
      type = ScheduleType.TIMM_COSINE,
      tInitial = T_INITIAL,
      lrMin = LR_MIN,
      cycleMul = CYCLE_MUL,
      cycleDecay = CYCLE_DECAY,
      cycleLimit = CYCLE_LIMIT,
      warmupT = WARMUP_T,
      warmupLrInit = WARMUP_LR_INIT,
      kDecay = K_DECAY,
      noiseRangeT = {NOISE_START, NOISE_END},
      noisePct = NOISE_PCT,
      noiseStd = NOISE_STD,
      noiseSeed = NOISE_SEED)
  static final class Config {}

  /**
   * timm's step ported to Java for this configuration: the cycle kept in counters and its length,
   * {@code t_i ** k_decay} and peak updated at each restart instead of timm's logarithm each
   * update, the cosine computed as timm's expression computes it so that the rates are timm's to
   * the bit; and the noise drawn as timm draws it, from a port of PyTorch's CPU generator (the
   * textbook MT19937 of {@code mt19937ar.c}, reseeded with {@code noise_seed + t} on each noised
   * update, and {@code torch.randn}'s Box-Muller pair rounded to float), redrawn until it is
   * below {@code noise_pct}.
   */
  static final class HandWritten {
    private static final int N = 624;
    private static final int M = 397;

    private final double baseLr;
    private final double warmupStep;
    private final int[] mt = new int[N];
    private int mti;
    private boolean hasKept;
    private double kept;

    private int update;
    private int cycle;
    private int cycleStart;
    private int cycleLength = T_INITIAL;
    private double cycleLengthK = Math.pow(T_INITIAL, K_DECAY);
    private double lrMax;
    private double lr;

    HandWritten(double baseLr) {
      this.baseLr = baseLr;
      warmupStep = (baseLr - WARMUP_LR_INIT) / WARMUP_T;
      lrMax = baseLr;
      lr = WARMUP_LR_INIT;
    }

    void step() {
      int t = ++update;
      if (t == cycleStart + cycleLength) {
        cycle++;
        cycleStart = t;
        cycleLength *= 2;
        cycleLengthK = Math.pow(cycleLength, K_DECAY);
        lrMax = baseLr * Math.pow(CYCLE_DECAY, cycle);
      }
      double v;
      if (t < WARMUP_T) {
        v = WARMUP_LR_INIT + t * warmupStep;
      } else if (cycle < CYCLE_LIMIT) {
        double tCurr = t - cycleStart;
        v = LR_MIN
            + 0.5 * (lrMax - LR_MIN)
                * (1 + Math.cos(Math.PI * Math.pow(tCurr, K_DECAY) / cycleLengthK));
      } else {
        v = LR_MIN;
      }
      if (NOISE_START <= t && t < NOISE_END) {
        seed(NOISE_SEED + t);
        double noise;
        do {
          noise = randn() * NOISE_STD;
        } while (!(Math.abs(noise) < NOISE_PCT));
        v = v + v * noise;
      }
      lr = v;
    }

    double lr() {
      return lr;
    }

    /** {@code torch.Generator().manual_seed(seed)}: init_genrand on the low 32 bits. */
    private void seed(long seed) {
      mt[0] = (int) seed;
      for (int i = 1; i < N; i++) {
        mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
      }
      mti = N;
      hasKept = false;
    }

    /** genrand_int32: the next tempered output, twisting all 624 words when they run out. */
    private int next() {
      if (mti >= N) {
        int k = 0;
        for (; k < N - M; k++) {
          int y = (mt[k] & 0x80000000) | (mt[k + 1] & 0x7fffffff);
          mt[k] = mt[k + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        for (; k < N - 1; k++) {
          int y = (mt[k] & 0x80000000) | (mt[k + 1] & 0x7fffffff);
          mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        mti = 0;
      }
      int y = mt[mti++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      return y;
    }

    /** PyTorch's uniform double: 53 low bits of two outputs, the first the high word. */
    private double uniform() {
      long high = next() & 0xffffffffL;
      long low = next() & 0xffffffffL;
      return ((high << 32 | low) & ((1L << 53) - 1)) * 0x1p-53;
    }

    /** {@code torch.randn(1, generator=g).item()}: Box-Muller, the sine's sample kept for next. */
    private double randn() {
      if (hasKept) {
        hasKept = false;
        return (float) kept;
      }
      double u1 = uniform();
      double u2 = uniform();
      double r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
      double theta = 2.0 * Math.PI * u1;
      kept = r * Math.sin(theta);
      hasKept = true;
      return (float) (r * Math.cos(theta));
    }
  }

  /** Instances of the generated scheduler. */
  @State(Scope.Thread)
  public static class GeneratedRun extends Relay<TimmCosineBenchmark_ConfigScheduler> {
    @Override
    protected TimmCosineBenchmark_ConfigScheduler create() {
      return new TimmCosineBenchmark_ConfigScheduler(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }

    @Override
    protected double minNanosPerStep() {
      return 50;
    }
  }

  /** One generated scheduler, queried at successive updates. */
  @State(Scope.Thread)
  public static class GeneratedFunction extends Cursor {
    final TimmCosineBenchmark_ConfigScheduler function =
        new TimmCosineBenchmark_ConfigScheduler(BASE_LR);

    public GeneratedFunction() {
      super(LENGTH);
    }
  }

  /** Instances of the hand-written schedule. */
  @State(Scope.Thread)
  public static class HandWrittenRun extends Relay<HandWritten> {
    @Override
    protected HandWritten create() {
      return new HandWritten(BASE_LR);
    }

    @Override
    protected int length() {
      return LENGTH;
    }

    @Override
    protected double minNanosPerStep() {
      return 50;
    }
  }

  @Benchmark
  public double generated(GeneratedRun run) {
    TimmCosineBenchmark_ConfigScheduler scheduler = run.current;
    scheduler.step();
    run.next();
    return scheduler.lr();
  }

  @Benchmark
  public double generatedLrAt(GeneratedFunction query) {
    return query.function.lrAt(query.next());
  }

  @Benchmark
  public double handWritten(HandWrittenRun run) {
    HandWritten scheduler = run.current;
    scheduler.step();
    run.next();
    return scheduler.lr();
  }
}

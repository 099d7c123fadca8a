package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.LrScheduler;
import dev.anneal.MetricScheduler;
import dev.anneal.MomentumScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.SchedulerStateException;
import dev.anneal.SchedulerStateException.Reason;
import dev.anneal.StepScheduler;
import dev.anneal.conformance.CompiledCases.Built;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Checkpoint and resume over every kind of generated scheduler: the configurations of the PyTorch
 * suites (every scheduler of {@code torch.optim.lr_scheduler}, with momentum, metrics, several
 * groups, combinations) and those of the other libraries' suites that Anneal has, cut at random
 * steps.
 */
class ResumePropertyTest {

  /** optax's schedules that join others, which the runner writes as @Sequential. */
  private static final List<String> JOINS = List.of("optax.join_schedules", "optax.sgdr_schedule");

  private static final List<Built> CASES = CompiledCases.compile(suites());

  private static List<ConformanceCase> suites() {
    List<ConformanceCase> cases = new ArrayList<>(Cases.suite("pytorch.json"));
    cases.addAll(Cases.suite("pytorch-random.json"));
    // Those of the other libraries' schedules that Anneal has.
    Set<String> known = Arrays.stream(ScheduleType.values()).map(ScheduleType::torchName)
        .collect(Collectors.toCollection(TreeSet::new));
    known.addAll(JOINS);
    for (String suite : List.of("transformers.json", "diffusers.json", "timm.json", "timm-plateau.json",
        "keras.json", "optax.json")) {
      Cases.suite(suite).stream().filter(c -> known.contains(c.scheduler().type())).forEach(cases::add);
    }
    return cases;
  }

  @Provide
  Arbitrary<Built> cases() {
    return Arbitraries.of(CASES);
  }

  /**
   * Found with seed 6345748362046160278: a case whose group starts at 0 (Keras's CosineDecay warmed
   * up from 0), whose doubled rate was the same rate, so the "other rates" were none.
   */
  @Example
  void otherRatesOfACaseThatStartsAtZeroAreRefused() {
    Built warmupFromZero = CASES.stream().filter(b -> b.c.id().equals("keras/CosineDecay/warmup-from-0"))
        .findFirst().orElseThrow();
    aBadStateIsRefusedForItsReasonAndChangesNothing(warmupFromZero, warmupFromZero, 0.0, 0.0, Damage.OTHER_RATES, 0);
  }

  @Example
  void theCasesCoverEverySchedule() {
    Set<String> types = CASES.stream().map(b -> b.c.scheduler().type()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>(List.of("SequentialLR", "ChainedScheduler"));
    expected.addAll(JOINS);
    for (ScheduleType type : ScheduleType.values()) {
      expected.add(type.torchName());
    }
    assertEquals(expected, types);
  }

  /**
   * A run saved and restored into a fresh instance twice, at random steps, gives the same rates and
   * momentum as the run that was never interrupted, to the bit.
   */
  @Property(tries = 1500, seed = "20261128")
  void aResumedRunIsBitIdenticalToAnUninterruptedOne(
      @ForAll("cases") Built built,
      @ForAll @DoubleRange(min = 0, max = 1) double firstCut,
      @ForAll @DoubleRange(min = 0, max = 1) double secondCut) {
    int steps = built.rows() - 1;
    int first = (int) Math.floor(firstCut * steps);
    int second = first + (int) Math.floor(secondCut * (steps - first));
    long[] uninterrupted = run(built, steps, -1, -1);
    long[] resumed = run(built, steps, first, second);
    assertArrayEquals(uninterrupted, resumed, built + " cut after " + first + " and " + second + " steps");
  }

  /**
   * A state that was cut short, damaged, written in another version of the form or saved by
   * another configuration is refused with the reason, and the scheduler that refused it goes on
   * exactly as if nothing had happened.
   */
  @Property(tries = 1500, seed = "20261128")
  void aBadStateIsRefusedForItsReasonAndChangesNothing(
      @ForAll("cases") Built built,
      @ForAll("cases") Built other,
      @ForAll @DoubleRange(min = 0, max = 1) double savedAt,
      @ForAll @DoubleRange(min = 0, max = 1) double restoredAt,
      @ForAll("damages") Damage damage,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int where) {
    int steps = built.rows() - 1;
    LrScheduler source = built.create();
    advance(source, built, 0, (int) Math.floor(savedAt * steps));
    byte[] state = source.saveState();

    int at = (int) Math.floor(restoredAt * steps);
    LrScheduler target = built.create();
    advance(target, built, 0, at);
    byte[] before = target.saveState();

    byte[] bad;
    Set<Reason> allowed;
    switch (damage) {
      case TRUNCATE -> {
        bad = Arrays.copyOf(state, where % state.length);
        allowed = bad.length < 4 && !startsLikeAState(bad) ? Set.of(Reason.NOT_A_STATE) : Set.of(Reason.TRUNCATED);
      }
      case EXTEND -> {
        bad = Arrays.copyOf(state, state.length + 1 + where % 16);
        allowed = Set.of(Reason.CORRUPTED);
      }
      case FLIP_A_BIT -> {
        bad = state.clone();
        int bit = where % (8 * bad.length);
        bad[bit / 8] ^= (byte) (1 << (bit % 8));
        allowed = reasonForFlip(bit / 8, state, bad);
      }
      case NEWER_VERSION -> {
        bad = state.clone();
        bad[5]++;
        allowed = Set.of(Reason.VERSION);
      }
      case OTHER_RATES -> {
        double[] lrs = built.c.initialLrs().clone();
        // Another rate: doubled, or 1e-3 where it is 0 (Keras's and optax's warm-ups from 0),
        // whose double would be the same rate.
        int changed = where % lrs.length;
        lrs[changed] = lrs[changed] == 0 ? 1e-3 : 2 * lrs[changed];
        bad = built.create(lrs).saveState();
        allowed = Set.of(Reason.CONFIGURATION);
      }
      case OTHER_CONFIGURATION -> {
        if (other.c.scheduler().type().equals(built.c.scheduler().type())) {
          return; // the same kind may be the same configuration; other types never are
        }
        bad = other.create().saveState();
        allowed = Set.of(Reason.CONFIGURATION);
      }
      default -> throw new AssertionError(damage);
    }

    SchedulerStateException e = assertThrows(SchedulerStateException.class, () -> target.restoreState(bad));
    assertTrue(allowed.contains(e.reason()), damage + ": " + e.reason() + " (" + e.getMessage() + "), expected " + allowed);
    assertTrue(e.getMessage().contains("cannot restore this state"), e.getMessage());
    assertArrayEquals(before, target.saveState(), "the refused restore changed the state");

    LrScheduler untouched = built.create();
    advance(untouched, built, 0, at);
    assertArrayEquals(trace(untouched, built, at, steps), trace(target, built, at, steps),
        "the refused restore changed what follows");
  }

  enum Damage { TRUNCATE, EXTEND, FLIP_A_BIT, NEWER_VERSION, OTHER_RATES, OTHER_CONFIGURATION }

  @Provide
  Arbitrary<Damage> damages() {
    return Arbitraries.of(Damage.class);
  }

  /** Which reasons a flipped bit may give, by the field it falls in (see LrScheduler#saveState). */
  private static Set<Reason> reasonForFlip(int offset, byte[] state, byte[] bad) {
    if (offset < 4) {
      return Set.of(Reason.NOT_A_STATE);
    }
    if (offset < 6) {
      return Set.of(Reason.VERSION);
    }
    if (offset < 10) {
      int declared = java.nio.ByteBuffer.wrap(bad, 6, 4).getInt();
      return declared > state.length ? Set.of(Reason.TRUNCATED) : Set.of(Reason.CORRUPTED);
    }
    return Set.of(Reason.CORRUPTED);
  }

  private static boolean startsLikeAState(byte[] prefix) {
    byte[] mark = {'A', 'N', 'L', 'S'};
    for (int i = 0; i < prefix.length; i++) {
      if (prefix[i] != mark[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The bits of every rate and momentum over {@code steps} steps, saving and restoring into a
   * fresh instance after {@code firstCut} and {@code secondCut} steps (-1: never).
   */
  private static long[] run(Built built, int steps, int firstCut, int secondCut) {
    LrScheduler scheduler = built.create();
    List<Long> bits = new ArrayList<>();
    for (int t = 0; t <= steps; t++) {
      if (t == firstCut || t == secondCut) {
        byte[] state = scheduler.saveState();
        LrScheduler fresh = built.create();
        fresh.restoreState(state);
        assertEquals(t, fresh.stepCount());
        scheduler = fresh;
      }
      record(scheduler, bits);
      if (t < steps) {
        stepOnce(scheduler, built, t);
      }
    }
    return bits.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] trace(LrScheduler scheduler, Built built, int from, int steps) {
    List<Long> bits = new ArrayList<>();
    for (int t = from; t <= steps; t++) {
      record(scheduler, bits);
      if (t < steps) {
        stepOnce(scheduler, built, t);
      }
    }
    return bits.stream().mapToLong(Long::longValue).toArray();
  }

  private static void record(LrScheduler scheduler, List<Long> bits) {
    bits.add(scheduler.stepCount());
    for (int g = 0; g < scheduler.groupCount(); g++) {
      bits.add(Double.doubleToRawLongBits(scheduler.lr(g)));
      if (scheduler instanceof MomentumScheduler m) {
        bits.add(Double.doubleToRawLongBits(m.momentum(g)));
      }
    }
  }

  private static void advance(LrScheduler scheduler, Built built, int from, int to) {
    for (int t = from; t < to; t++) {
      stepOnce(scheduler, built, t);
    }
  }

  /** Step {@code t + 1}: with the case's metric of step {@code t} for a metric scheduler. */
  private static void stepOnce(LrScheduler scheduler, Built built, int t) {
    if (scheduler instanceof MetricScheduler m) {
      m.step(built.c.metrics()[t]);
    } else {
      ((StepScheduler) scheduler).step();
    }
  }
}

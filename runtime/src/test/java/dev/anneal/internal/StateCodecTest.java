package dev.anneal.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.SchedulerStateException;
import dev.anneal.SchedulerStateException.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class StateCodecTest {

  private static final long FINGERPRINT = 0x1234_5678_9abc_def0L;

  /** Two groups' rates, a running factor and a counter, after 7 steps. */
  private static byte[] state() {
    return StateCodec.writer(FINGERPRINT, 2, 7, 4)
        .putDoubles(new double[] {0.1, 0.05})
        .putDouble(0.9)
        .putLong(3)
        .finish();
  }

  private static SchedulerStateException refused(byte[] state) {
    return assertThrows(SchedulerStateException.class, () -> StateCodec.reader(state, "TestScheduler", FINGERPRINT, 2, 4));
  }

  @Test
  void theFormIsTheDocumentedOne() {
    byte[] state = state();
    ByteBuffer buffer = ByteBuffer.wrap(state);
    assertEquals(34 + 4 * 8 + 4, state.length);
    assertEquals('A', buffer.get(0));
    assertEquals('N', buffer.get(1));
    assertEquals('L', buffer.get(2));
    assertEquals('S', buffer.get(3));
    assertEquals(1, buffer.getShort(4));
    assertEquals(state.length, buffer.getInt(6));
    assertEquals(FINGERPRINT, buffer.getLong(10));
    assertEquals(2, buffer.getInt(18));
    assertEquals(7, buffer.getLong(22));
    assertEquals(4, buffer.getInt(30));
    assertEquals(0.1, buffer.getDouble(34));
    assertEquals(0.05, buffer.getDouble(42));
    assertEquals(0.9, buffer.getDouble(50));
    assertEquals(3, buffer.getLong(58));
    CRC32 crc = new CRC32();
    crc.update(state, 0, state.length - 4);
    assertEquals((int) crc.getValue(), buffer.getInt(66));
  }

  @Test
  void aGoodStateReadsBackValueByValue() {
    StateCodec.Reader in = StateCodec.reader(state(), "TestScheduler", FINGERPRINT, 2, 4);
    assertEquals(7, in.step());
    assertArrayEquals(new double[] {0.1, 0.05}, in.nextFinite("the rate", 2));
    assertEquals(0.9, in.nextDouble());
    assertEquals(3, in.nextInt("counter"));
  }

  @Test
  void eachDamageHasItsReasonAndMessage() {
    byte[] state = state();

    SchedulerStateException e = refused("{\"lr\": 0.1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(Reason.NOT_A_STATE, e.reason());
    assertTrue(e.getMessage().startsWith("TestScheduler cannot restore this state: it does not begin with"), e.getMessage());

    e = refused(Arrays.copyOf(state, 40));
    assertEquals(Reason.TRUNCATED, e.reason());
    assertTrue(e.getMessage().contains("it is 40 bytes long, but its header says 70"), e.getMessage());

    e = refused(Arrays.copyOf(state, 2));
    assertEquals(Reason.TRUNCATED, e.reason());

    e = refused(Arrays.copyOf(state, state.length + 3));
    assertEquals(Reason.CORRUPTED, e.reason());

    byte[] flipped = state.clone();
    flipped[52] ^= 0x10;
    e = refused(flipped);
    assertEquals(Reason.CORRUPTED, e.reason());
    assertTrue(e.getMessage().contains("checksum does not match"), e.getMessage());

    byte[] newer = state.clone();
    newer[5] = 2;
    e = refused(newer);
    assertEquals(Reason.VERSION, e.reason());
    assertTrue(e.getMessage().contains("version 2 of the state form, and this runtime reads version 1"), e.getMessage());

    e = assertThrows(SchedulerStateException.class, () -> StateCodec.reader(state, "TestScheduler", FINGERPRINT, 3, 6));
    assertEquals(Reason.CONFIGURATION, e.reason());
    assertTrue(e.getMessage().contains("saved by a scheduler of 2 parameter groups, and this one has 3"), e.getMessage());

    e = assertThrows(SchedulerStateException.class, () -> StateCodec.reader(state, "TestScheduler", FINGERPRINT + 1, 2, 4));
    assertEquals(Reason.CONFIGURATION, e.reason());
    assertTrue(e.getMessage().contains("another configuration"), e.getMessage());
  }

  @Test
  void valuesThatCannotBeAreRefusedEvenWithAGoodChecksum() {
    byte[] nanRate = StateCodec.writer(FINGERPRINT, 2, 7, 4)
        .putDoubles(new double[] {0.1, Double.NaN}).putDouble(0.9).putLong(3).finish();
    StateCodec.Reader in = StateCodec.reader(nanRate, "TestScheduler", FINGERPRINT, 2, 4);
    SchedulerStateException e = assertThrows(SchedulerStateException.class, () -> in.nextFinite("the rate", 2));
    assertEquals(Reason.CORRUPTED, e.reason());
    assertTrue(e.getMessage().contains("the rate of group 1 is NaN"), e.getMessage());

    byte[] hugeCounter = StateCodec.writer(FINGERPRINT, 2, 7, 4)
        .putDoubles(new double[] {0.1, 0.05}).putDouble(0.9).putLong(1L << 40).finish();
    StateCodec.Reader counter = StateCodec.reader(hugeCounter, "TestScheduler", FINGERPRINT, 2, 4);
    counter.nextFinite("the rate", 2);
    counter.nextDouble();
    assertEquals(Reason.CORRUPTED, assertThrows(SchedulerStateException.class, () -> counter.nextInt("counter")).reason());

    byte[] negativeStep = StateCodec.writer(FINGERPRINT, 2, -1, 4)
        .putDoubles(new double[] {0.1, 0.05}).putDouble(0.9).putLong(3).finish();
    assertEquals(Reason.CORRUPTED, refused(negativeStep).reason());

    assertThrows(NullPointerException.class, () -> StateCodec.reader(null, "TestScheduler", FINGERPRINT, 2, 4));
  }

  private static StateCodec.Reader readerAt(long step) {
    byte[] state = StateCodec.writer(FINGERPRINT, 2, step, 4)
        .putDoubles(new double[] {0.1, 0.05}).putDouble(0.9).putLong(3).finish();
    return StateCodec.reader(state, "TestScheduler", FINGERPRINT, 2, 4);
  }

  private static void assertCorrupted(org.junit.jupiter.api.function.Executable check, String message) {
    SchedulerStateException e = assertThrows(SchedulerStateException.class, check);
    assertEquals(Reason.CORRUPTED, e.reason());
    assertTrue(e.getMessage().startsWith("TestScheduler cannot restore this state: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void aStepCountAboveTwoToTheSixtyTwoIsRefused() {
    assertEquals(1L << 62, StateCodec.MAX_STEP);
    assertEquals(StateCodec.MAX_STEP, readerAt(StateCodec.MAX_STEP).step());
    for (long step : new long[] {StateCodec.MAX_STEP + 1, Long.MAX_VALUE}) {
      SchedulerStateException e = assertThrows(SchedulerStateException.class, () -> readerAt(step));
      assertEquals(Reason.CORRUPTED, e.reason());
      assertTrue(e.getMessage().contains("its step count " + step + " is above 4611686018427387904 (2^62)"),
          e.getMessage());
    }
  }

  @Test
  void eachCheckOfASavedValueNamesTheValueAndItsRule() {
    StateCodec.Reader in = readerAt(7);

    assertEquals(0.5, in.finite("factor", 0.5));
    assertCorrupted(() -> in.finite("factor", Double.NEGATIVE_INFINITY),
        "saved factor = -Infinity must be a finite number");

    assertEquals(9, in.expect("nextDecay", 9, 9));
    assertCorrupted(() -> in.expect("nextDecay", 12, 9), "saved nextDecay = 12 must be 9, as the step count 7 implies");

    assertEquals(3, in.within("badSteps", 3, 0, 3));
    assertEquals(0, in.within("badSteps", 0, 0, 3));
    assertCorrupted(() -> in.within("badSteps", 4, 0, 3), "saved badSteps = 4 must be in [0, 3]");
    assertCorrupted(() -> in.within("badSteps", -1, 0, 3), "saved badSteps = -1 must be in [0, 3]");

    in.unset("wave", 0.0, "not started");
    in.unset("cycle", 0L, "not started");
    assertCorrupted(() -> in.unset("wave", -0.0, "schedule 1 starts at step 9"),
        "saved wave = -0.0 must be 0: schedule 1 starts at step 9");
    assertCorrupted(() -> in.unset("cycle", 1L, "not started"), "saved cycle = 1 must be 0: not started");

    in.between("the rate", 1, 0.5, 0.0, 1.0);
    in.between("the rate", 1, 1.0, 0.0, 1.0);
    assertCorrupted(() -> in.between("the rate", 1, -0.25, 0.0, 1.0), "saved the rate of group 1 = -0.25 must be in [0.0, 1.0]");

    IllegalStateException refusal = new IllegalStateException("f(7) returned -1.0");
    SchedulerStateException e = in.refusedBy(refusal);
    assertEquals(Reason.CORRUPTED, e.reason());
    assertTrue(e.getMessage().endsWith("no run reaches its step count 7: f(7) returned -1.0"), e.getMessage());
    assertEquals(refusal, e.getCause());

    in.consistent(true, "never");
    assertCorrupted(() -> in.consistent(false, "saved a and b contradict each other"), "saved a and b contradict each other");
  }

  @Test
  void aSavedValueThatTheStepDecidesMustAgreeWithItToRounding() {
    StateCodec.Reader in = readerAt(7);
    double expected = 0.9;
    // Eight units in the last place, relative to the value, and one more per rounding allowed.
    double ulp = Math.ulp(expected);
    assertEquals(expected + 3 * ulp, in.near("factor", expected + 3 * ulp, expected, 0.0, 0));
    assertCorrupted(() -> in.near("factor", expected + 20 * ulp, expected, 0.0, 0),
        "saved factor = " + (expected + 20 * ulp) + " must be 0.9 (to rounding), as the step count 7 implies");
    in.near("factor", expected + 20 * ulp, expected, 0.0, 20);
    assertCorrupted(() -> in.near("factor", Double.NaN, expected, 0.0, 1_000_000), "saved factor = NaN must be a finite number");
    assertCorrupted(() -> in.near("factor", Double.POSITIVE_INFINITY, expected, 0.0, Long.MAX_VALUE / 2),
        "must be a finite number");
    // A tiny factor is compared relative to itself, not to 1.
    assertCorrupted(() -> in.near("factor", 2e-200, 1e-200, 0.0, 0), "must be 1.0E-200");
    // A wave, of values in [0, 2], is compared relative to 2: near its trough it may differ by a few
    // units of 2's last place between machines.
    in.near("wave", 1e-16, 0.0, 2.0, 0);
    assertCorrupted(() -> in.near("wave", 1e-12, 0.0, 2.0, 0), "saved wave = 1.0E-12 must be 0.0");
    // Subnormal products keep an absolute slack.
    in.near("factor", Double.MIN_VALUE * 5, 0.0, 0.0, 0);
  }

  @Test
  void aSavedNaNIsRefusedOnReading() {
    byte[] state = StateCodec.writer(FINGERPRINT, 2, 7, 4)
        .putDoubles(new double[] {0.1, 0.05}).putDouble(Double.NaN).putLong(3).finish();
    StateCodec.Reader in = StateCodec.reader(state, "TestScheduler", FINGERPRINT, 2, 4);
    in.nextFinite("the rate", 2);
    assertCorrupted(() -> in.nextDouble("best"), "saved best = NaN must be a number");
    byte[] infinite = StateCodec.writer(FINGERPRINT, 2, 7, 4)
        .putDoubles(new double[] {0.1, 0.05}).putDouble(Double.NEGATIVE_INFINITY).putLong(3).finish();
    StateCodec.Reader best = StateCodec.reader(infinite, "TestScheduler", FINGERPRINT, 2, 4);
    best.nextFinite("the rate", 2);
    assertEquals(Double.NEGATIVE_INFINITY, best.nextDouble("best"));
  }

  @Test
  void theFingerprintIsFnv1a() {
    // Published FNV-1a 64-bit test vectors.
    assertEquals(0xcbf29ce484222325L, StateCodec.fingerprint(""));
    assertEquals(0xaf63dc4c8601ec8cL, StateCodec.fingerprint("a"));
    assertEquals(0x85944171f73967e8L, StateCodec.fingerprint("foobar"));
  }

  @Test
  void runTimeValuesChangeTheFingerprint() {
    long base = StateCodec.fingerprint("config");
    assertNotEquals(StateCodec.mix(base, new double[] {0.1}), StateCodec.mix(base, new double[] {0.2}));
    assertNotEquals(StateCodec.mix(base, new double[] {0.1}), StateCodec.mix(base, new double[] {0.1, 0.1}));
    assertNotEquals(StateCodec.mix(base, 3.0), StateCodec.mix(base, 3.0000000000000004));
    assertEquals(StateCodec.mix(base, 0.1), StateCodec.mix(base, 0.1));
  }
}

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

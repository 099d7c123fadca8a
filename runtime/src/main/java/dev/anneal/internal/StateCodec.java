package dev.anneal.internal;

import dev.anneal.SchedulerStateException;
import dev.anneal.SchedulerStateException.Reason;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Writes and reads the saved state of a generated scheduler, in the form that {@link
 * dev.anneal.LrScheduler#saveState()} documents. Generated code calls it; it is not an API.
 *
 * <p>Reading checks the whole state before the scheduler takes any of it, so that a refused state
 * leaves the scheduler unchanged.
 */
public final class StateCodec {
  private StateCodec() {}

  /** The first four bytes of every state: {@code "ANLS"}. */
  public static final int MAGIC = 0x414E4C53;

  /** The version of the form written and read here. */
  public static final short VERSION = 1;

  /**
   * The largest step count a state may hold: 2^62, which no run reaches (146 years at 10^9 steps
   * a second); below it no step's arithmetic overflows (the next decay's step, a cycle's start),
   * where {@code Long.MAX_VALUE} would wrap on the next step.
   */
  public static final long MAX_STEP = 1L << 62;

  private static final int HEADER_BYTES = 4 + 2 + 4 + 8 + 4 + 8 + 4;
  private static final int CHECKSUM_BYTES = 4;

  /** Begins a state of {@code values} 64-bit values after the header. */
  public static Writer writer(long fingerprint, int groups, long step, int values) {
    int length = HEADER_BYTES + 8 * values + CHECKSUM_BYTES;
    ByteBuffer buffer = ByteBuffer.allocate(length);
    buffer.putInt(MAGIC).putShort(VERSION).putInt(length).putLong(fingerprint).putInt(groups).putLong(step)
        .putInt(values);
    return new Writer(buffer);
  }

  /** A state being written; {@link #finish()} appends the checksum. */
  public static final class Writer {
    private final ByteBuffer buffer;

    private Writer(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    public Writer putDouble(double value) {
      buffer.putLong(Double.doubleToRawLongBits(value));
      return this;
    }

    public Writer putLong(long value) {
      buffer.putLong(value);
      return this;
    }

    public Writer putDoubles(double[] values) {
      for (double value : values) {
        putDouble(value);
      }
      return this;
    }

    public byte[] finish() {
      if (buffer.remaining() != CHECKSUM_BYTES) {
        throw new IllegalStateException("state written with " + (buffer.remaining() - CHECKSUM_BYTES) / 8
            + " values missing");
      }
      CRC32 crc = new CRC32();
      crc.update(buffer.array(), 0, buffer.position());
      buffer.putInt((int) crc.getValue());
      return buffer.array();
    }
  }

  /**
   * Checks {@code state} against the scheduler restoring it, which has {@code groups} groups,
   * configuration fingerprint {@code fingerprint} and a state of {@code values} values, and
   * returns a reader positioned at the first value.
   *
   * @throws SchedulerStateException if any check fails
   */
  public static Reader reader(byte[] state, String scheduler, long fingerprint, int groups, int values) {
    if (state == null) {
      throw new NullPointerException(scheduler + ": the state to restore is null");
    }
    String refused = scheduler + " cannot restore this state: ";
    ByteBuffer buffer = ByteBuffer.wrap(state);
    if (state.length < 4) {
      if (isPrefixOfMagic(state)) {
        throw new SchedulerStateException(Reason.TRUNCATED,
            refused + "it is " + state.length + " bytes long, cut short before its header ends");
      }
      throw new SchedulerStateException(Reason.NOT_A_STATE,
          refused + "it does not begin with the mark of a saved scheduler state (\"ANLS\")");
    }
    if (buffer.getInt() != MAGIC) {
      throw new SchedulerStateException(Reason.NOT_A_STATE,
          refused + "it does not begin with the mark of a saved scheduler state (\"ANLS\")");
    }
    if (state.length < 6) {
      throw new SchedulerStateException(Reason.TRUNCATED,
          refused + "it is " + state.length + " bytes long, cut short before its header ends");
    }
    short version = buffer.getShort();
    if (version != VERSION) {
      throw new SchedulerStateException(Reason.VERSION, refused + "it was written in version " + version
          + " of the state form, and this runtime reads version " + VERSION);
    }
    if (state.length < HEADER_BYTES + CHECKSUM_BYTES) {
      throw new SchedulerStateException(Reason.TRUNCATED,
          refused + "it is " + state.length + " bytes long, cut short before its header ends");
    }
    int declared = buffer.getInt();
    if (state.length < declared) {
      throw new SchedulerStateException(Reason.TRUNCATED,
          refused + "it is " + state.length + " bytes long, but its header says " + declared);
    }
    if (state.length > declared) {
      throw new SchedulerStateException(Reason.CORRUPTED,
          refused + "it is " + state.length + " bytes long, but its header says " + declared);
    }
    CRC32 crc = new CRC32();
    crc.update(state, 0, state.length - CHECKSUM_BYTES);
    int stored = ByteBuffer.wrap(state, state.length - CHECKSUM_BYTES, CHECKSUM_BYTES).getInt();
    if (stored != (int) crc.getValue()) {
      throw new SchedulerStateException(Reason.CORRUPTED,
          refused + "its checksum does not match its contents (CRC-32 " + hex(stored) + " stored, "
              + hex((int) crc.getValue()) + " computed)");
    }
    long savedFingerprint = buffer.getLong();
    int savedGroups = buffer.getInt();
    if (savedGroups != groups) {
      throw new SchedulerStateException(Reason.CONFIGURATION, refused + "it was saved by a scheduler of "
          + savedGroups + " parameter groups, and this one has " + groups);
    }
    if (savedFingerprint != fingerprint) {
      throw new SchedulerStateException(Reason.CONFIGURATION, refused
          + "it was saved by a scheduler of another configuration (schedule parameters, bound values or "
          + "initial rates): fingerprint " + Long.toHexString(savedFingerprint) + ", this scheduler's "
          + Long.toHexString(fingerprint));
    }
    long step = buffer.getLong();
    int savedValues = buffer.getInt();
    if (savedValues != values || declared != HEADER_BYTES + 8 * values + CHECKSUM_BYTES) {
      throw new SchedulerStateException(Reason.CORRUPTED,
          refused + "it holds " + savedValues + " values, where this scheduler's state has " + values);
    }
    if (step < 0) {
      throw new SchedulerStateException(Reason.CORRUPTED, refused + "its step count is negative: " + step);
    }
    if (step > MAX_STEP) {
      throw new SchedulerStateException(Reason.CORRUPTED, refused + "its step count " + step
          + " is above " + MAX_STEP + " (2^62), which no run reaches; past it a step's arithmetic could overflow");
    }
    return new Reader(buffer, refused, step);
  }

  /** A checked state, read value by value in the order it was written. */
  public static final class Reader {
    private final ByteBuffer buffer;
    private final String refused;
    private final long step;

    private Reader(ByteBuffer buffer, String refused, long step) {
      this.buffer = buffer;
      this.refused = refused;
      this.step = step;
    }

    /** PyTorch's {@code last_epoch} at the time of saving. */
    public long step() {
      return step;
    }

    public double nextDouble() {
      return Double.longBitsToDouble(buffer.getLong());
    }

    /** A saved double, which no state holds as NaN. */
    public double nextDouble(String name) {
      double value = nextDouble();
      if (Double.isNaN(value)) {
        throw corrupted("saved " + name + " = NaN must be a number");
      }
      return value;
    }

    public long nextLong() {
      return buffer.getLong();
    }

    /** An {@code int} saved as a long; one out of range means the state was damaged. */
    public int nextInt(String name) {
      long value = buffer.getLong();
      if (value != (int) value) {
        throw new SchedulerStateException(Reason.CORRUPTED, refused + name + " = " + value + " is out of range");
      }
      return (int) value;
    }

    /** Refuses a saved {@code value} that is not a finite number. */
    public double finite(String name, double value) {
      if (!Double.isFinite(value)) {
        throw corrupted("saved " + name + " = " + value + " must be a finite number");
      }
      return value;
    }

    /**
     * Refuses a saved {@code value} that is not what the step count implies: a count of steps,
     * cycles or milestones, or the step of the next decay, which stepping keeps exactly.
     */
    public long expect(String name, long value, long expected) {
      if (value != expected) {
        throw corrupted("saved " + name + " = " + value + " must be " + expected + ", as the step count " + step
            + " implies");
      }
      return value;
    }

    /** Refuses a saved counter outside {@code [low, high]}. */
    public long within(String name, long value, long low, long high) {
      if (value < low || value > high) {
        throw corrupted("saved " + name + " = " + value + " must be in [" + low + ", " + high + "]");
      }
      return value;
    }

    /**
     * Refuses a saved double that is not a finite number agreeing with {@code expected}, its value
     * at the saved step computed here: the two may differ by rounding ({@code roundings}
     * operations that stepping rounds and the closed form does not, such as the multiplications
     * of a running factor, and a few units in the last place for a cosine or a power computed on
     * another machine) relative to the larger of {@code |expected|} and {@code scale}, the size of
     * the quantity (2 for a cosine wave of values in [0, 2], 0 for a factor that can be tiny).
     */
    public double near(String name, double value, double expected, double scale, long roundings) {
      finite(name, value);
      double tolerance = (roundings + 8) * 0x1p-52 * Math.max(scale, Math.abs(expected)) + Double.MIN_NORMAL;
      if (!(Math.abs(value - expected) <= tolerance)) {
        throw corrupted("saved " + name + " = " + value + " must be " + expected + " (to rounding), as the step count "
            + step + " implies");
      }
      return value;
    }

    /**
     * Refuses a saved value of a schedule that has not run: every state holds its initial 0 there
     * (a @Chained schedule's or a @Sequential phase's before its milestone); {@code why} says so.
     */
    public void unset(String name, double value, String why) {
      if (Double.doubleToRawLongBits(value) != 0) {
        throw corrupted("saved " + name + " = " + value + " must be 0: " + why);
      }
    }

    public void unset(String name, long value, String why) {
      if (value != 0) {
        throw corrupted("saved " + name + " = " + value + " must be 0: " + why);
      }
    }

    /** As {@link #unset(String, double, String)}, for every group's value of a per-group state. */
    public void unset(String name, double[] values, String why) {
      for (int g = 0; g < values.length; g++) {
        if (Double.doubleToRawLongBits(values[g]) != 0) {
          throw corrupted("saved " + name + " of group " + g + " = " + values[g] + " must be 0: " + why);
        }
      }
    }

    /** Refuses a saved per-group value below {@code low} or above {@code high}. */
    public void between(String name, int group, double value, double low, double high) {
      if (!(value >= low && value <= high)) {
        throw corrupted("saved " + name + " of group " + group + " = " + value + " must be in [" + low + ", " + high
            + "]");
      }
    }

    /** Refuses a state whose saved values contradict each other, as {@code rule} states. */
    public void consistent(boolean holds, String rule) {
      if (!holds) {
        throw corrupted(rule);
      }
    }

    /**
     * The refusal of a state whose step count a function of the config refuses, as it would have
     * on that step: no run saved it.
     */
    public SchedulerStateException refusedBy(RuntimeException refusal) {
      SchedulerStateException e =
          corrupted("no run reaches its step count " + step + ": " + refusal.getMessage());
      e.initCause(refusal);
      return e;
    }

    private SchedulerStateException corrupted(String what) {
      return new SchedulerStateException(Reason.CORRUPTED, refused + what);
    }

    /** One finite value per group, such as the groups' rates; anything else means damage. */
    public double[] nextFinite(String name, int groups) {
      double[] values = new double[groups];
      for (int g = 0; g < groups; g++) {
        values[g] = nextDouble();
        if (!Double.isFinite(values[g])) {
          throw new SchedulerStateException(Reason.CORRUPTED,
              refused + name + " of group " + g + " is " + values[g] + ", not a finite number");
        }
      }
      return values;
    }
  }

  /**
   * A 64-bit FNV-1a hash of {@code text}: the compile-time part of a configuration's fingerprint.
   */
  public static long fingerprint(CharSequence text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }

  /** Folds a value known only at run time (a bound parameter, an initial rate) into a fingerprint. */
  public static long mix(long fingerprint, long value) {
    long hash = fingerprint;
    for (int shift = 0; shift < 64; shift += 8) {
      hash = (hash ^ ((value >>> shift) & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }

  public static long mix(long fingerprint, double value) {
    return mix(fingerprint, Double.doubleToLongBits(value));
  }

  public static long mix(long fingerprint, double[] values) {
    long hash = mix(fingerprint, values.length);
    for (double value : values) {
      hash = mix(hash, value);
    }
    return hash;
  }

  private static boolean isPrefixOfMagic(byte[] state) {
    for (int i = 0; i < state.length; i++) {
      if (state[i] != (byte) (MAGIC >>> (24 - 8 * i))) {
        return false;
      }
    }
    return true;
  }

  private static String hex(int value) {
    return String.format("%08x", value);
  }
}

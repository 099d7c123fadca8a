package dev.anneal.djl;

/**
 * The rates of the parameter groups in use at one DJL update, computed at the first call of the
 * update and kept for the calls after it: DJL asks once per parameter per update, all with the
 * same {@code numUpdate}, and every parameter of a group gets the same rate.
 */
abstract class UpdateRates {

  /** The rates of one update: final fields, so that a reader of the volatile field sees them. */
  private static final class Snapshot {
    final int numUpdate;
    final float[] rates;

    Snapshot(int numUpdate, float[] rates) {
      this.numUpdate = numUpdate;
      this.rates = rates;
    }
  }

  /** The groups whose rates are kept, in increasing order. */
  final int[] groups;

  private volatile Snapshot latest;

  UpdateRates(int[] groups) {
    this.groups = groups;
  }

  /** The rates of {@link #groups} at update {@code numUpdate}; not to be changed. */
  final float[] at(int numUpdate) {
    Snapshot snapshot = latest;
    if (snapshot != null && snapshot.numUpdate == numUpdate) {
      return snapshot.rates;
    }
    synchronized (this) {
      snapshot = latest;
      if (snapshot != null && snapshot.numUpdate == numUpdate) {
        return snapshot.rates;
      }
      float[] rates = compute(numUpdate);
      latest = new Snapshot(numUpdate, rates);
      return rates;
    }
  }

  /** Computes the rates of a new update; called under the lock, once per update. */
  abstract float[] compute(int numUpdate);
}

package dev.anneal.djl;

import ai.djl.training.tracker.ParameterTracker;
import java.util.ArrayList;
import java.util.List;

/** A tracker in front of another that records every question DJL asks and the answer it gets. */
final class RecordingTracker implements ParameterTracker {

  /** One call: the parameter, DJL's update count, and the rate returned. */
  record Call(String parameterId, int numUpdate, float rate) {}

  private final ParameterTracker tracker;
  private final List<Call> calls = new ArrayList<>();

  RecordingTracker(ParameterTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public synchronized float getNewValue(String parameterId, int numUpdate) {
    float rate = tracker.getNewValue(parameterId, numUpdate);
    calls.add(new Call(parameterId, numUpdate, rate));
    return rate;
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }
}

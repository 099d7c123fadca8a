package dev.anneal.samples.train;

import java.util.Optional;

/**
 * A deep-learning engine that trains the demo's network its own way (its tensors, its optimizer,
 * its loop) with the generated schedulers handed to it through an Anneal adapter: the same
 * architecture, data, initial weights and batches as {@link Trainer}, so that a run differs from
 * the built-in one only by the engine's arithmetic and optimizer.
 *
 * <p>Implementations live in {@code dev.anneal.samples.engines} and are loaded by name, only when
 * asked for ({@link Engines}), so that the built-in demo never loads an engine's classes.
 */
public interface Engine extends AutoCloseable {

  /** The engine's name on the command line and in file names: {@code djl}, {@code dl4j}. */
  String id();

  /** The engine's name in text: DJL, Deeplearning4j. */
  String name();

  /**
   * Starts the engine (loads its native libraries, unpacking them at the first start) and returns
   * what runs, with versions, for the output's header.
   */
  String start();

  /** The optimizer as this engine runs it, for the output's header. */
  String optimizer();

  /** Why this engine cannot train under {@code schedule}, in one line; empty if it can. */
  Optional<String> refusal(TrainingSchedule schedule);

  /**
   * Trains a fresh network from {@code trainer}'s {@link Trainer#start()} on its data under {@code
   * schedule}; the result's rates are those the engine's optimizer got.
   */
  Trainer.Result train(Trainer trainer, TrainingSchedule schedule);

  /** Releases what the engine holds; it does not throw. */
  @Override
  void close();
}

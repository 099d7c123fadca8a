package dev.anneal.samples.train;

import dev.anneal.LrScheduler;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A schedule the demo trains under.
 *
 * @param name a short name for the table and the chart's legend
 * @param torchCall the equivalent PyTorch scheduler
 * @param factory builds a fresh generated scheduler for a run; returns {@code null} for the
 *     constant baseline, which has no scheduler
 */
public record TrainingSchedule(
    String name, String torchCall, Supplier<? extends LrScheduler> factory) {

  /** The schedule of that name in {@link #all()}, if there is one. */
  public static Optional<TrainingSchedule> byName(String name) {
    return all().stream().filter(schedule -> schedule.name().equals(name)).findFirst();
  }

  /** The constant baseline first, then the schedules in the order of the table. */
  public static List<TrainingSchedule> all() {
    double peak = Plan.PEAK_LR;
    int warmup = WarmupCosine.WARMUP_STEPS;
    return List.of(
        new TrainingSchedule("constant", "no scheduler: lr=" + peak, () -> null),
        new TrainingSchedule(
            "step",
            "StepLR(step_size=" + Plan.TOTAL_STEPS / 3 + ", gamma=0.3)",
            () -> new StepDecayScheduler(peak)),
        new TrainingSchedule(
            "cosine",
            "CosineAnnealingLR(T_max=" + Plan.TOTAL_STEPS + ")",
            () -> new CosineScheduler(peak)),
        new TrainingSchedule(
            "warmup-cosine",
            "SequentialLR([LinearLR(start_factor=0.1, total_iters="
                + warmup
                + "),"
                + " CosineAnnealingLR(T_max="
                + (Plan.TOTAL_STEPS - warmup)
                + ")],"
                + " milestones=["
                + warmup
                + "])",
            () -> new WarmupCosineScheduler(peak)),
        new TrainingSchedule(
            "wsd",
            "transformers.get_wsd_schedule(num_warmup_steps="
                + WarmupStableDecay.WARMUP_STEPS
                + ", num_decay_steps="
                + WarmupStableDecay.DECAY_STEPS
                + ", num_training_steps="
                + Plan.TOTAL_STEPS
                + ")",
            () -> new WarmupStableDecayScheduler(peak)),
        new TrainingSchedule(
            "one-cycle",
            "OneCycleLR(max_lr=" + peak + ", total_steps=" + Plan.TOTAL_STEPS + ")",
            () -> new OneCycleScheduler(peak)),
        new TrainingSchedule(
            "cyclic-triangular2",
            "CyclicLR(base_lr="
                + peak / 10
                + ", max_lr="
                + peak
                + ", step_size_up="
                + 4 * Plan.STEPS_PER_EPOCH
                + ", mode='triangular2')",
            () -> new Triangular2Scheduler(peak)),
        new TrainingSchedule(
            "plateau",
            "ReduceLROnPlateau(factor=0.5, patience=5), stepped each epoch on the validation loss",
            () -> new PlateauScheduler(peak)),
        new TrainingSchedule(
            "warmup-plateau",
            "@Warmup(steps=" + WarmupPlateau.WARMUP_EPOCHS + ", startFactor=0.1) before"
                + " ReduceLROnPlateau(factor=0.5, patience=5), stepped each epoch on the validation loss",
            () -> new WarmupPlateauScheduler(peak)));
  }
}

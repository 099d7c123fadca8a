package dev.anneal.dl4j;

import dev.anneal.LrFunction;
import dev.anneal.MomentumFunction;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.annotation.JsonPropertyOrder;

/**
 * A generated scheduler with a closed form as the learning-rate (or momentum) {@link ISchedule}
 * of a DL4J updater, per iteration or per epoch:
 *
 * <pre>{@code
 * ISchedule lr = AnnealSchedule.perIteration(SpiralRunScheduler.class, 0.5);
 * MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
 *     .updater(new Sgd(lr))                      // or new Nesterovs(lr, 0.9), new Adam(lr), ...
 *     .list()
 *     ...
 * }</pre>
 *
 * <p>The schedule is built from what rebuilds the scheduler, not from a scheduler: the generated
 * class, the optimizer's initial rates and, for a config with {@code @Bind} members, the config
 * record. It builds the scheduler at once (so a mistake is an exception here, not at a reload) and
 * answers {@code valueAt(iteration, epoch)} with {@link LrFunction#lrAt lrAt(step, group)} at the
 * step {@link StepConvention} gives: iteration {@code i} at step {@code i} per iteration, every
 * update of epoch {@code e} at step {@code e} per epoch. The rate is the scheduler's {@code double}
 * as it is. Nobody steps the scheduler: {@code valueAt} is a pure function of its arguments, as
 * DL4J needs, since it asks about nine times per update of a small network (for the update and
 * for each parameter's regularization), and again for listeners; it is safe from any thread.
 *
 * <p><b>DL4J's JSON.</b> {@code MultiLayerConfiguration.toJson()}, {@code
 * ComputationGraphConfiguration.toJson()} and {@code ModelSerializer} write the schedule as
 *
 * <pre>{@code
 * {"@class": "dev.anneal.dl4j.AnnealSchedule", "scheduler": "com.example.SpiralRunScheduler",
 *  "initialLrs": [0.5], "config": null, "group": 0, "scheduleType": "ITERATION",
 *  "value": "LEARNING_RATE"}
 * }</pre>
 *
 * <p>and {@code fromJson} and {@code ModelSerializer.restore...} rebuild the same scheduler from
 * it, through the constructor annotated for Jackson, so that a restored network gets the same
 * rates, bit for bit. {@code config} holds the config record's components by name, for a
 * scheduler whose config binds values with {@code @Bind}: numbers, booleans, strings, enums and
 * arrays of double, int or long; a config that is not a record, or has a component of another
 * type, is refused when the schedule is made. Where the JSON cannot rebuild the scheduler (the
 * class is not on the class path, a value is missing or refused), reading it fails with an {@link
 * IllegalArgumentException} (wrapped by Jackson and DL4J) that names the class and what is
 * missing; it never comes back with a schedule that gives other rates, or NaN. The same holds for
 * Java serialization.
 *
 * <p>Equality is by value (the class, the initial rates, the config's values, the group, the
 * schedule type and the value scheduled): DL4J puts parameters whose updaters are equal in one
 * updater block, and a network restored from JSON, whose layers each read their own copy of the
 * schedule, keeps the blocks it had.
 *
 * <p>Schedules without a closed form have no {@code ISchedule}: ReduceLROnPlateau, driven by a
 * metric, is refused, while MultiplicativeLR and the {@code @Chained} configs that replay a
 * recurrence in {@code lrAt} are served, in time linear in the step. A scheduler that cycles the
 * momentum (CyclicLR's and OneCycleLR's {@code cycleMomentum}) gives its momentum through {@link
 * #momentum()}, which {@code Nesterovs} takes as its momentum schedule: {@code new Nesterovs(lr,
 * lr.momentum())}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"scheduler", "initialLrs", "config", "group", "scheduleType", "value"})
public final class AnnealSchedule implements ISchedule, Serializable {

  private static final long serialVersionUID = 1L;

  /** What a schedule gives DL4J: the scheduler's rate, or its momentum. */
  public enum Value {
    /** {@link LrFunction#lrAt}. */
    LEARNING_RATE,
    /** {@link MomentumFunction#momentumAt}, for a scheduler that cycles the momentum. */
    MOMENTUM
  }

  @JsonProperty("scheduler")
  private final String scheduler;

  @JsonProperty("initialLrs")
  private final double[] initialLrs;

  @JsonProperty("config")
  private final Map<String, Object> config;

  @JsonProperty("group")
  private final int group;

  @JsonProperty("scheduleType")
  private final ScheduleType scheduleType;

  @JsonProperty("value")
  private final Value value;

  /** The scheduler, rebuilt from the fields above; never written. */
  @JsonIgnore
  private final transient SchedulerRecipe recipe;

  private AnnealSchedule(SchedulerRecipe recipe, int group, ScheduleType scheduleType,
      Value value) {
    Objects.requireNonNull(scheduleType, "scheduleType");
    Objects.requireNonNull(value, "value");
    this.recipe = check(recipe, group, value);
    this.scheduler = recipe.className;
    this.initialLrs = recipe.initialLrs();
    this.config = recipe.config();
    this.group = group;
    this.scheduleType = scheduleType;
    this.value = value;
  }

  /**
   * The schedule read from DL4J's JSON: every property is checked, and the scheduler rebuilt.
   *
   * @throws IllegalArgumentException naming the scheduler's class and what is missing or refused
   */
  @JsonCreator
  private AnnealSchedule(
      @JsonProperty("scheduler") String scheduler,
      @JsonProperty("initialLrs") double[] initialLrs,
      @JsonProperty("config") Map<String, Object> config,
      @JsonProperty("group") Integer group,
      @JsonProperty("scheduleType") ScheduleType scheduleType,
      @JsonProperty("value") Value value) {
    this(
        SchedulerRecipe.read(scheduler, initialLrs, config),
        required(scheduler, group, "group", "the parameter group whose rate it gives"),
        required(scheduler, scheduleType, "scheduleType", "ITERATION or EPOCH"),
        required(scheduler, value, "value", "LEARNING_RATE or MOMENTUM"));
  }

  private static <T> T required(String scheduler, T value, String name, String what) {
    if (value == null) {
      throw SchedulerRecipe.cannotRebuild(
          scheduler, "its schedule's \"" + name + "\" (" + what + ") is missing");
    }
    return value;
  }

  private static SchedulerRecipe check(SchedulerRecipe recipe, int group, Value value) {
    if (group < 0 || group >= recipe.groupCount()) {
      throw SchedulerRecipe.cannotRebuild(
          recipe.className, "it has " + recipe.groupCount() + " parameter group"
              + (recipe.groupCount() == 1 ? "" : "s") + " (one per initial rate), no group "
              + group);
    }
    if (value == Value.MOMENTUM && !(recipe.scheduler instanceof MomentumFunction)) {
      throw new IllegalArgumentException(
          recipe.className + " does not cycle the momentum (only CyclicLR and OneCycleLR with"
              + " cycleMomentum = true do): give the updater a constant momentum");
    }
    return recipe;
  }

  /**
   * The learning rate of group 0 of {@code new scheduler(initialLrs)}, per iteration.
   *
   * @param scheduler a class generated by Anneal for a config without {@code @Bind}
   * @param initialLrs the optimizer's initial rate of each parameter group, as the generated
   *     constructor takes them
   * @throws IllegalArgumentException if the scheduler cannot be built from these values
   */
  public static AnnealSchedule perIteration(
      Class<? extends LrFunction> scheduler, double... initialLrs) {
    return of(ScheduleType.ITERATION, scheduler, null, initialLrs);
  }

  /**
   * The learning rate of group 0 of {@code new scheduler(config, initialLrs)}, per iteration, for
   * a config with {@code @Bind} members; the config must be a record whose components JSON can
   * hold (see the class comment).
   *
   * @throws IllegalArgumentException if the scheduler cannot be built from these values, or the
   *     config cannot be written to JSON
   */
  public static AnnealSchedule perIteration(
      Class<? extends LrFunction> scheduler, Record config, double... initialLrs) {
    return of(ScheduleType.ITERATION, scheduler, Objects.requireNonNull(config, "config"),
        initialLrs);
  }

  /**
   * The learning rate of group 0 of {@code new scheduler(initialLrs)}, per epoch: every update of
   * epoch {@code e} at step {@code e}.
   *
   * @throws IllegalArgumentException if the scheduler cannot be built from these values
   */
  public static AnnealSchedule perEpoch(
      Class<? extends LrFunction> scheduler, double... initialLrs) {
    return of(ScheduleType.EPOCH, scheduler, null, initialLrs);
  }

  /**
   * The learning rate of group 0 of {@code new scheduler(config, initialLrs)}, per epoch.
   *
   * @throws IllegalArgumentException if the scheduler cannot be built from these values, or the
   *     config cannot be written to JSON
   */
  public static AnnealSchedule perEpoch(
      Class<? extends LrFunction> scheduler, Record config, double... initialLrs) {
    return of(ScheduleType.EPOCH, scheduler, Objects.requireNonNull(config, "config"),
        initialLrs);
  }

  private static AnnealSchedule of(
      ScheduleType type, Class<? extends LrFunction> scheduler, Record config,
      double[] initialLrs) {
    return new AnnealSchedule(
        SchedulerRecipe.of(scheduler, config, initialLrs), 0, type, Value.LEARNING_RATE);
  }

  /**
   * This schedule for parameter group {@code group}: DL4J's groups are its layers, each with its
   * own updater ({@code new DenseLayer.Builder().updater(new Sgd(lr.group(1)))}).
   *
   * @throws IllegalArgumentException if the scheduler has no such group
   */
  public AnnealSchedule group(int group) {
    return new AnnealSchedule(recipe, group, scheduleType, value);
  }

  /**
   * The momentum of this schedule's scheduler and group, on the same clock: for {@code
   * Nesterovs}' momentum schedule, {@code new Nesterovs(lr, lr.momentum())}.
   *
   * @throws IllegalArgumentException if the scheduler does not cycle the momentum
   */
  public AnnealSchedule momentum() {
    return new AnnealSchedule(recipe, group, scheduleType, Value.MOMENTUM);
  }

  /**
   * The scheduler's rate (or momentum) of this schedule's group at the step of {@code iteration}
   * or {@code epoch} ({@link StepConvention#step}).
   *
   * @throws ArithmeticException if the count followed is negative (DL4J's counter wrapped)
   * @throws IllegalArgumentException if the scheduler refuses the step (past OneCycleLR's end)
   */
  @Override
  public double valueAt(int iteration, int epoch) {
    long step = StepConvention.step(scheduleType, iteration, epoch);
    Object s = recipe.scheduler;
    return value == Value.LEARNING_RATE
        ? ((LrFunction) s).lrAt(step, group)
        : ((MomentumFunction) s).momentumAt(step, group);
  }

  /** An equal schedule; the scheduler, which is only read, is shared. */
  @Override
  public AnnealSchedule clone() {
    return new AnnealSchedule(recipe, group, scheduleType, value);
  }

  /** The scheduler this schedule reads: built by the schedule, only read, not to be stepped. */
  public LrFunction scheduler() {
    return (LrFunction) recipe.scheduler;
  }

  /** The name of the generated scheduler's class. */
  public String schedulerClassName() {
    return scheduler;
  }

  /** The optimizer's initial rates the scheduler was built with; a copy. */
  public double[] initialLrs() {
    return initialLrs.clone();
  }

  /** The parameter group whose rate (or momentum) this schedule gives. */
  public int groupIndex() {
    return group;
  }

  /** Per iteration or per epoch. */
  public ScheduleType scheduleType() {
    return scheduleType;
  }

  /** The learning rate or the momentum. */
  public Value value() {
    return value;
  }

  /** Java serialization writes the fields above; the scheduler is rebuilt and checked here. */
  private Object readResolve() throws ObjectStreamException {
    return new AnnealSchedule(scheduler, initialLrs, config, group, scheduleType, value);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof AnnealSchedule)) {
      return false;
    }
    AnnealSchedule that = (AnnealSchedule) other;
    return group == that.group
        && scheduleType == that.scheduleType
        && value == that.value
        && recipe.equals(that.recipe);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recipe, group, scheduleType, value);
  }

  @Override
  public String toString() {
    return "AnnealSchedule[" + scheduler + ", initialLrs " + Arrays.toString(initialLrs)
        + (config == null ? "" : ", config " + configText()) + ", group " + group + ", "
        + scheduleType + ", " + value + "]";
  }

  private String configText() {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<String, Object> entry : config.entrySet()) {
      if (text.length() > 1) {
        text.append(", ");
      }
      Object v = entry.getValue();
      text.append(entry.getKey()).append('=')
          .append(v instanceof double[] ? Arrays.toString((double[]) v)
              : v instanceof int[] ? Arrays.toString((int[]) v)
              : v instanceof long[] ? Arrays.toString((long[]) v) : String.valueOf(v));
    }
    return text.append('}').toString();
  }
}

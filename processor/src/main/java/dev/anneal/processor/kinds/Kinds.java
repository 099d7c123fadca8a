package dev.anneal.processor.kinds;

import dev.anneal.ScheduleType;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Every schedule type's {@link Kind}: the one list to extend with a new schedule. */
public final class Kinds {
  private static final Map<ScheduleType, Kind> BY_TYPE = register(
      new StepLRKind(),
      new MultiStepLRKind(),
      new ConstantLRKind(),
      new LinearLRKind(),
      new ExponentialLRKind(),
      new PolynomialLRKind(),
      new CosineAnnealingLRKind(),
      new CosineAnnealingWarmRestartsKind(),
      new LambdaLRKind(),
      new MultiplicativeLRKind(),
      new CyclicLRKind(),
      new OneCycleLRKind(),
      new ReduceLROnPlateauKind(),
      new InverseSqrtScheduleKind(),
      new ConstantScheduleKind(),
      new ConstantScheduleWithWarmupKind(),
      new LinearScheduleWithWarmupKind(),
      new CosineScheduleWithWarmupKind(),
      new CosineWithHardRestartsScheduleWithWarmupKind(),
      new PolynomialDecayScheduleWithWarmupKind(),
      new CosineWithMinLrScheduleWithWarmupKind(),
      new CosineWithMinLrScheduleWithWarmupLrRateKind(),
      new WarmupStableDecayScheduleKind(),
      new PiecewiseConstantScheduleKind(),
      new TimmCosineLRSchedulerKind(),
      new TimmTanhLRSchedulerKind(),
      new TimmPolyLRSchedulerKind(),
      new TimmStepLRSchedulerKind(),
      new TimmMultiStepLRSchedulerKind(),
      new TimmWSDLRSchedulerKind(),
      new TimmPlateauLRSchedulerKind(),
      new KerasExponentialDecayKind(),
      new KerasPiecewiseConstantDecayKind(),
      new KerasPolynomialDecayKind(),
      new KerasInverseTimeDecayKind(),
      new KerasCosineDecayKind(),
      new KerasCosineDecayRestartsKind(),
      new OptaxConstantScheduleKind(),
      new OptaxLinearScheduleKind(),
      new OptaxPolynomialScheduleKind(),
      new OptaxExponentialDecayKind(),
      new OptaxCosineDecayScheduleKind(),
      new OptaxWarmupCosineDecayScheduleKind(),
      new OptaxWarmupExponentialDecayScheduleKind(),
      new OptaxWarmupConstantScheduleKind(),
      new OptaxPiecewiseConstantScheduleKind(),
      new OptaxPiecewiseInterpolateScheduleKind(),
      new OptaxLinearOnecycleScheduleKind(),
      new OptaxCosineOnecycleScheduleKind());

  private Kinds() {}

  private static Map<ScheduleType, Kind> register(Kind... kinds) {
    Map<ScheduleType, Kind> byType = new EnumMap<>(ScheduleType.class);
    for (Kind kind : kinds) {
      if (byType.put(kind.type(), kind) != null) {
        throw new IllegalStateException("two kinds for " + kind.type());
      }
    }
    return Collections.unmodifiableMap(byType);
  }

  /** The kind of {@code type}; every type has one, which {@link #missing()} confirms at start-up. */
  public static Kind of(ScheduleType type) {
    Kind kind = BY_TYPE.get(type);
    if (kind == null) {
      throw new IllegalStateException("no kind registered for " + type);
    }
    return kind;
  }

  /** The warm-up of {@code @Warmup}: a phase in front of a schedule, not a schedule type. */
  public static Kind warmup() {
    return WARMUP;
  }

  private static final Kind WARMUP = new WarmupKind();

  public static Collection<Kind> all() {
    return BY_TYPE.values();
  }

  /** The schedule types without a kind: none, unless a type was added and not registered here. */
  public static Set<ScheduleType> missing() {
    Set<ScheduleType> missing = EnumSet.allOf(ScheduleType.class);
    missing.removeAll(BY_TYPE.keySet());
    return missing;
  }
}

package dev.anneal.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.anneal.MomentumScheduler;
import dev.anneal.ScheduleType;
import dev.anneal.processor.model.Param;
import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.Attribute;
import dev.anneal.processor.validation.Validator;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A config writes at most {@value Validator#MAX_PER_GROUP_VALUES} per-group values in all: the
 * generated constructor holds each one, and javac refuses a method of more than 64 KiB of code
 * ("code too large" at about 8,200 values in the leanest config). Beyond the limit the config is
 * refused on the list that goes over; up to it, the worst cases compile: every per-group list of a
 * type at full length, and several schedules combined, each with its lists at full length.
 */
@DisplayName("Per-group values: a documented limit instead of javac's code too large")
class PerGroupLimitTest {

  private static final int LIMIT = Validator.MAX_PER_GROUP_VALUES;

  /** {@code count} distinct values from {@code from}, as an annotation's array. */
  private static String values(int count, double from) {
    return IntStream.range(0, count)
        .mapToObj(i -> Double.toString(from * (1 + i / 8192.0)))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** The per-group attributes of each type, written with {@code groups} values each. */
  private static String perGroup(ScheduleType type, int groups, boolean combined) {
    switch (type) {
      case CYCLIC:
        return "baseLr = " + values(groups, 1e-4) + ",\n maxLr = " + values(groups, 1e-2)
            + (combined ? ", cycleMomentum = false"
                : ",\n baseMomentum = " + values(groups, 0.8) + ",\n maxMomentum = " + values(groups, 0.9));
      case ONE_CYCLE:
        return "totalSteps = 100, maxLr = " + values(groups, 1e-2)
            + (combined ? ", cycleMomentum = false"
                : ",\n baseMomentum = " + values(groups, 0.8) + ",\n maxMomentum = " + values(groups, 0.9));
      case REDUCE_ON_PLATEAU:
        return "minLr = " + values(groups, 1e-6);
      case TIMM_COSINE:
      case TIMM_TANH:
      case TIMM_POLY:
        return "tInitial = 10, lrScale = " + values(groups, 1.0);
      case TIMM_STEP:
        return "decayT = 3, lrScale = " + values(groups, 1.0);
      case TIMM_MULTI_STEP:
        return "decayT = {3, 6}, lrScale = " + values(groups, 1.0);
      case TIMM_WSD:
        return "tInitial = 10, decayT = 3, lrScale = " + values(groups, 1.0);
      case TIMM_PLATEAU:
        return "lrScale = " + values(groups, 1.0);
      default:
        throw new AssertionError(type);
    }
  }

  /** The types that take per-group lists, and how many each takes alone. */
  private static final List<ScheduleType> PER_GROUP_TYPES =
      List.of(ScheduleType.CYCLIC, ScheduleType.ONE_CYCLE, ScheduleType.REDUCE_ON_PLATEAU, ScheduleType.TIMM_COSINE,
          ScheduleType.TIMM_TANH, ScheduleType.TIMM_POLY, ScheduleType.TIMM_STEP, ScheduleType.TIMM_MULTI_STEP,
          ScheduleType.TIMM_WSD, ScheduleType.TIMM_PLATEAU);

  private static int listsAlone(ScheduleType type) {
    return type == ScheduleType.CYCLIC ? 4 : type == ScheduleType.ONE_CYCLE ? 3 : 1;
  }

  @Test
  @DisplayName("the types with per-group lists are the ones this test covers")
  void coversEveryTypeWithPerGroupLists() {
    Set<ScheduleType> withLists = EnumSet.noneOf(ScheduleType.class);
    for (ScheduleType type : ScheduleType.values()) {
      // A per-group attribute that a type takes as one number holds one value there, never a list.
      if (Kinds.of(type).attributes().all().stream().map(Attribute::param)
          .anyMatch(p -> p.shape == Param.Shape.GROUP_DOUBLES && !Kinds.of(type).oneValue().contains(p))) {
        withLists.add(type);
      }
    }
    assertEquals(EnumSet.copyOf(PER_GROUP_TYPES), withLists);
  }

  @Test
  @DisplayName("every per-group list of each type at the longest length within the limit compiles and builds")
  void everyListAtFullLengthCompiles() throws Exception {
    List<JavaFileObject> sources = new ArrayList<>();
    for (ScheduleType type : PER_GROUP_TYPES) {
      int groups = LIMIT / listsAlone(type);
      sources.add(Sources.config("Full" + type.ordinal(),
          "@Schedule(type = " + type + ", " + perGroup(type, groups, false) + ")",
          "final class Full" + type.ordinal() + " {}"));
    }
    Compilation compilation = Sources.compile(List.of("-Xlint:all", "-Werror"), sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    // CyclicLR starts at base_lr with max_momentum, for every group (PyTorch's step 0).
    int groups = LIMIT / 4;
    Class<?> type = Sources.loader(compilation)
        .loadClass(Sources.PACKAGE + ".Full" + ScheduleType.CYCLIC.ordinal() + "Scheduler");
    Constructor<?> constructor = type.getConstructor(double[].class);
    double[] initial = new double[groups];
    java.util.Arrays.fill(initial, 0.1);
    MomentumScheduler scheduler = (MomentumScheduler) constructor.newInstance((Object) initial);
    assertEquals(groups, scheduler.groupCount());
    assertEquals(1e-4 * (1 + (groups - 1) / 8192.0), scheduler.lr(groups - 1));
    assertEquals(0.9 * (1 + (groups - 1) / 8192.0), scheduler.momentum(groups - 1));
  }

  /**
   * A @Sequential (OneCycleLR, then CyclicLRs) and a @Chained (CyclicLRs) of {@code phases}
   * schedules, each list as long as the limit allows.
   */
  private static List<JavaFileObject> combined(String name, int phases) {
    int groups = LIMIT / (2 * phases - 1);
    int chainedGroups = LIMIT / (2 * phases);
    List<String> sequential = new ArrayList<>();
    sequential.add("@Schedule(type = ONE_CYCLE, " + perGroup(ScheduleType.ONE_CYCLE, groups, true) + ")");
    List<String> chained = new ArrayList<>();
    for (int i = 1; i < phases; i++) {
      sequential.add("@Schedule(type = CYCLIC, " + perGroup(ScheduleType.CYCLIC, groups, true) + ")");
    }
    for (int i = 0; i < phases; i++) {
      chained.add("@Schedule(type = CYCLIC, " + perGroup(ScheduleType.CYCLIC, chainedGroups, true) + ")");
    }
    sequential.add("@Sequential(milestones = {" + IntStream.range(1, phases)
        .mapToObj(i -> Integer.toString(10 * i)).collect(Collectors.joining(", ")) + "})");
    sequential.add("record " + name + "S(@Bind(schedule = 1) int stepSizeUp) {}");
    chained.add("@Chained");
    chained.add("final class " + name + "C {}");
    return List.of(Sources.config(name + "S", sequential.toArray(String[]::new)),
        Sources.config(name + "C", chained.toArray(String[]::new)));
  }

  @Test
  @DisplayName("several schedules combined, each list at full length, compile up to the limit")
  void combinedAtTheLimitCompiles() {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.addAll(combined("Eight", 8));
    sources.addAll(combined("Two", 2));
    Compilation compilation = Sources.compile(List.of("-Xlint:all", "-Werror"), sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  @DisplayName("one value over the limit is refused on the list that goes over")
  void oneValueOverTheLimitIsRefused() {
    JavaFileObject source = Sources.config("Over",
        "@Schedule(type = REDUCE_ON_PLATEAU,",
        "    minLr = " + values(LIMIT + 1, 1e-6) + ")",
        "final class Over {}");
    Sources.assertSingleError(source, "minLr = ", "[anneal.per-group-limit]", "minLr (PyTorch's min_lr) has 4097 values",
        "4097", "over the limit of 4096");
  }

  @Test
  @DisplayName("9,000 values, past javac's own limit, get the documented error and no code too large")
  void pastJavacsLimitGetsTheDocumentedError() {
    for (String attribute : List.of("baseLr", "maxLr")) {
      JavaFileObject source = Sources.config("Huge",
          "@Schedule(type = CYCLIC, " + (attribute.equals("baseLr") ? "maxLr = 0.1" : "baseLr = 1e-5") + ",",
          "    " + attribute + " = " + values(9000, 1e-3) + ")",
          "final class Huge {}");
      Sources.assertSingleError(source, "    " + attribute + " = ", "[anneal.per-group-limit]",
          attribute + " (PyTorch's", "has 9000 values", "over the limit of 4096");
    }
  }

  @Test
  @DisplayName("combined lists over the limit are refused on the list that goes over")
  void combinedOverTheLimitIsRefused() {
    int groups = LIMIT / 4 + 1;
    JavaFileObject source = Sources.config("OverC",
        "@Schedule(type = CYCLIC, baseLr = " + values(groups, 1e-4) + ", maxLr = " + values(groups, 1e-2)
            + ", cycleMomentum = false)",
        "@Schedule(type = CYCLIC, baseLr = " + values(groups, 1e-4) + ",",
        "    maxLr = " + values(groups, 1e-2) + ", cycleMomentum = false)",
        "@Chained",
        "final class OverC {}");
    Sources.assertSingleError(source, "    maxLr = ", "[anneal.per-group-limit]", "maxLr (PyTorch's max_lr) has 1025 values",
        "to 4100", "over the limit of 4096");
  }
}

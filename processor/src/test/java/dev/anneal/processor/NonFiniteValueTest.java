package dev.anneal.processor;

import dev.anneal.processor.kinds.Kinds;
import dev.anneal.processor.model.Attribute;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.anneal.ScheduleType;
import dev.anneal.internal.Rule;
import dev.anneal.processor.model.Param;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A NaN or an infinity breaks the first thing every rule asks, a finite number, so its message
 * says "must be a finite number" whatever the rule of the parameter ({@code divFactor = Infinity}
 * is not a value that "must not be 0"). Every double attribute of every schedule type, written
 * (a compile error on the value) and bound (an exception when the scheduler is built).
 */
class NonFiniteValueTest {
  private static final String[] NON_FINITE = {"Double.NaN", "Double.POSITIVE_INFINITY", "Double.NEGATIVE_INFINITY"};
  private static final double[] NON_FINITE_VALUES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
  private static final String[] PRINTED = {"NaN", "Infinity", "-Infinity"};

  /** Written attributes other than doubles that each type needs to be valid. */
  private static final Map<ScheduleType, String> OTHERS = new EnumMap<>(ScheduleType.class);

  /**
   * Beside each tested attribute of the cosine-with-min-lr types, what makes the rest valid: the
   * reference takes exactly one of minLrRate and minLr, and minLr with lrInit.
   */
  private static final Map<Param, String> COMPANIONS = new EnumMap<>(Param.class);

  /** A value inside the rule of each double attribute. */
  private static final Map<Param, String> VALID = new EnumMap<>(Param.class);

  static {
    OTHERS.put(ScheduleType.STEP, "stepSize = 3");
    OTHERS.put(ScheduleType.MULTI_STEP, "milestones = {2}");
    OTHERS.put(ScheduleType.COSINE, "tMax = 10");
    OTHERS.put(ScheduleType.COSINE_WARM_RESTARTS, "t0 = 10");
    OTHERS.put(ScheduleType.ONE_CYCLE, "totalSteps = 100");
    OTHERS.put(ScheduleType.CYCLIC, "mode = EXP_RANGE"); // the mode that uses gamma
    for (ScheduleType type : List.of(ScheduleType.HF_LINEAR, ScheduleType.HF_COSINE,
        ScheduleType.HF_COSINE_WITH_RESTARTS, ScheduleType.HF_POLYNOMIAL, ScheduleType.HF_COSINE_WITH_MIN_LR,
        ScheduleType.HF_COSINE_WARMUP_WITH_MIN_LR)) {
      OTHERS.put(type, "numWarmupSteps = 10, numTrainingSteps = 100");
    }
    VALID.put(Param.GAMMA, "0.9");
    VALID.put(Param.FACTOR, "0.5");
    VALID.put(Param.START_FACTOR, "0.5");
    VALID.put(Param.END_FACTOR, "1.0");
    VALID.put(Param.POWER, "1.0");
    VALID.put(Param.ETA_MIN, "0.0");
    VALID.put(Param.BASE_LR, "0.01");
    VALID.put(Param.MAX_LR, "0.1");
    VALID.put(Param.BASE_MOMENTUM, "0.8");
    VALID.put(Param.MAX_MOMENTUM, "0.9");
    VALID.put(Param.PCT_START, "0.3");
    VALID.put(Param.DIV_FACTOR, "25.0");
    VALID.put(Param.FINAL_DIV_FACTOR, "1e4");
    VALID.put(Param.THRESHOLD, "1e-4");
    VALID.put(Param.MIN_LR, "0.0");
    VALID.put(Param.EPS, "1e-8");
    VALID.put(Param.NUM_CYCLES, "0.5");
    VALID.put(Param.LR_END, "0.0");
    VALID.put(Param.LR_INIT, "0.001");
    VALID.put(Param.MIN_LR_RATE, "0.1");
    VALID.put(Param.LAST_FACTOR, "0.5");
    VALID.put(Param.MIN_LR_RATIO, "0.0");
    OTHERS.put(ScheduleType.HF_WARMUP_STABLE_DECAY, "numWarmupSteps = 10, numDecaySteps = 20, numTrainingSteps = 100");
    VALID.put(Param.WARMUP_LR_RATE, "0.2");
    OTHERS.put(ScheduleType.TIMM_COSINE, "tInitial = 10");
    OTHERS.put(ScheduleType.TIMM_TANH, "tInitial = 10");
    OTHERS.put(ScheduleType.TIMM_POLY, "tInitial = 10");
    OTHERS.put(ScheduleType.TIMM_STEP, "decayT = 3");
    OTHERS.put(ScheduleType.TIMM_MULTI_STEP, "decayT = {3}");
    OTHERS.put(ScheduleType.TIMM_WSD, "tInitial = 10, decayT = 3");
    OTHERS.put(ScheduleType.KERAS_EXPONENTIAL_DECAY, "decaySteps = 3");
    OTHERS.put(ScheduleType.KERAS_PIECEWISE_CONSTANT_DECAY, "boundaries = {3}, values = {0.1, 0.01}");
    OTHERS.put(ScheduleType.KERAS_POLYNOMIAL_DECAY, "decaySteps = 3");
    OTHERS.put(ScheduleType.KERAS_INVERSE_TIME_DECAY, "decaySteps = 3");
    OTHERS.put(ScheduleType.KERAS_COSINE_DECAY, "decaySteps = 3");
    OTHERS.put(ScheduleType.KERAS_COSINE_DECAY_RESTARTS, "firstDecaySteps = 3");
    VALID.put(Param.END_LEARNING_RATE, "1e-4");
    VALID.put(Param.ALPHA, "0.0");
    VALID.put(Param.WARMUP_TARGET, "0.1");
    VALID.put(Param.T_MUL, "2.0");
    VALID.put(Param.M_MUL, "1.0");
    OTHERS.put(ScheduleType.OPTAX_LINEAR, "transitionSteps = 3");
    OTHERS.put(ScheduleType.OPTAX_POLYNOMIAL, "transitionSteps = 3");
    OTHERS.put(ScheduleType.OPTAX_EXPONENTIAL_DECAY, "transitionSteps = 3");
    OTHERS.put(ScheduleType.OPTAX_COSINE_DECAY, "decaySteps = 3");
    OTHERS.put(ScheduleType.OPTAX_WARMUP_COSINE_DECAY, "warmupSteps = 2, decaySteps = 5");
    OTHERS.put(ScheduleType.OPTAX_WARMUP_EXPONENTIAL_DECAY, "warmupSteps = 2, transitionSteps = 3");
    OTHERS.put(ScheduleType.OPTAX_WARMUP_CONSTANT, "warmupSteps = 2");
    OTHERS.put(ScheduleType.OPTAX_PIECEWISE_INTERPOLATE, "interpolateType = OptaxInterpolateType.LINEAR");
    OTHERS.put(ScheduleType.OPTAX_LINEAR_ONECYCLE, "transitionSteps = 10");
    OTHERS.put(ScheduleType.OPTAX_COSINE_ONECYCLE, "transitionSteps = 10");
    VALID.put(Param.VALUE, "0.1");
    VALID.put(Param.INIT_VALUE, "0.1");
    VALID.put(Param.PEAK_VALUE, "0.1");
    VALID.put(Param.END_VALUE, "0.0");
    VALID.put(Param.EXPONENT, "1.0");
    VALID.put(Param.PCT_FINAL, "0.85");
    VALID.put(Param.LR_MIN, "0.0");
    VALID.put(Param.CYCLE_MUL, "1.0");
    VALID.put(Param.CYCLE_DECAY, "1.0");
    VALID.put(Param.WARMUP_LR_INIT, "0.0");
    VALID.put(Param.NOISE_PCT, "0.67");
    VALID.put(Param.NOISE_STD, "1.0");
    VALID.put(Param.K_DECAY, "1.0");
    VALID.put(Param.LB, "-7.0");
    VALID.put(Param.UB, "3.0");
    VALID.put(Param.DECAY_RATE, "0.5");
    VALID.put(Param.STABLE_TIMESCALE, "10.0");
    VALID.put(Param.STABLE_POWER, "0.5");
    VALID.put(Param.DECAY_POWER, "0.5");
    VALID.put(Param.DECAY_RATIO, "0.1");
    VALID.put(Param.LR_SCALE, "1.0");
    COMPANIONS.put(Param.MIN_LR, "lrInit = 0.001");
    COMPANIONS.put(Param.LR_INIT, "minLr = 0.0");
    COMPANIONS.put(Param.NUM_CYCLES, "minLrRate = 0.1");
    COMPANIONS.put(Param.WARMUP_LR_RATE, "minLrRate = 0.1");
  }

  /** The double attributes of {@code type} that have a rule, in the table's order. */
  private static List<Attribute> doubles(ScheduleType type) {
    List<Attribute> doubles = new ArrayList<>();
    for (Attribute entry : Kinds.of(type).attributes().all()) {
      Param.Shape shape = entry.param().shape;
      if (entry.rule().isPresent() && (shape == Param.Shape.DOUBLE || shape == Param.Shape.GROUP_DOUBLES)) {
        assertTrue(VALID.containsKey(entry.param()), "no valid value for " + entry.param());
        doubles.add(entry);
      }
    }
    return doubles;
  }

  /** The reference's name as part of a class name: another library's function has dots in it. */
  private static String className(ScheduleType type) {
    return type.torchName().replace('.', '_');
  }

  private static String expected(ScheduleType type, Param param, String index, String printed) {
    return type.torchName() + ": " + param.attribute + index + " (" + param.torchName + ") = " + printed
        + " must be a finite number";
  }

  @Test
  void everyRuleOfADoubleAttributeIsCovered() {
    Set<Rule> covered = EnumSet.noneOf(Rule.class);
    for (ScheduleType type : ScheduleType.values()) {
      doubles(type).forEach(entry -> covered.add(entry.rule().get()));
    }
    // AT_LEAST_ONE holds only int attributes here, which cannot be NaN or infinite; RuleTest
    // covers its message for non-finite doubles. POSITIVE holds timm's powers.
    assertEquals(EnumSet.complementOf(EnumSet.of(Rule.AT_LEAST_ONE)), covered);
  }

  @Test
  void aWrittenNonFiniteValueIsNotAFiniteNumberWhateverItsRule() {
    List<JavaFileObject> sources = new ArrayList<>();
    Map<JavaFileObject, String> expectations = new LinkedHashMap<>();
    for (ScheduleType type : ScheduleType.values()) {
      for (Attribute tested : doubles(type)) {
        for (int v = 0; v < NON_FINITE.length; v++) {
          String name = "Written" + className(type) + "_" + tested.param().attribute + "_" + v;
          List<String> attributes = new ArrayList<>();
          attributes.add("type = " + type.name());
          if (OTHERS.containsKey(type)) {
            attributes.add(OTHERS.get(type));
          }
          for (Attribute other : doubles(type)) {
            if (other.required() && other != tested) {
              attributes.add(other.param().attribute + " = " + VALID.get(other.param()));
            }
          }
          if (Kinds.of(type).attributes().takes(Param.MIN_LR_RATE) && COMPANIONS.containsKey(tested.param())) {
            attributes.add(COMPANIONS.get(tested.param()));
          }
          JavaFileObject source = Sources.config(name,
              "@Schedule(" + String.join(", ", attributes) + ",",
              "    " + tested.param().attribute + " = " + NON_FINITE[v] + ")",
              "final class " + name + " {}");
          sources.add(source);
          String index = ""; // One value for every group is named without an index.
          expectations.put(source, expected(type, tested.param(), index, PRINTED[v]));
        }
      }
    }
    // More than javac's default limit of 100 errors, each of which the test looks for.
    Compilation compilation = Sources.compile(List.of("-Xmaxerrs", "1000"), sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(sources.size());
    expectations.forEach((source, text) -> assertThat(compilation)
        .hadErrorContaining("[anneal.invalid-value] " + text)
        .inFile(source)
        .onLine(Sources.lineOf(source, "Double.")));
  }

  @Test
  void aBoundNonFiniteValueIsNotAFiniteNumberWhateverItsRule() {
    Map<String, String[]> configs = new LinkedHashMap<>();
    Map<ScheduleType, List<Attribute>> bound = new EnumMap<>(ScheduleType.class);
    for (ScheduleType type : ScheduleType.values()) {
      List<Attribute> doubles = new ArrayList<>(doubles(type));
      // ConstantLR's generated class declares a field factor of its own, whatever is bound; its
      // rule, OPEN_UNIT, is LinearLR's startFactor's too.
      doubles.removeIf(entry -> type == ScheduleType.CONSTANT && entry.param() == Param.FACTOR);
      // minLr and lrInit bound, the one way of the two of the cosine-with-min-lr types that binds
      // three attributes; minLrRate's rule is that of every FINITE attribute.
      doubles.removeIf(entry -> entry.param() == Param.MIN_LR_RATE);
      if (doubles.isEmpty()) {
        continue;
      }
      bound.put(type, doubles);
      List<String> components = new ArrayList<>();
      for (Attribute entry : doubles) {
        // Components named apart from the attributes: this test is about the rules, not names.
        components.add("@Bind(\"" + entry.param().attribute + "\") double value" + components.size());
      }
      String name = "Bound" + className(type);
      configs.put(name, new String[] {
          "@Schedule(type = " + type.name() + (OTHERS.containsKey(type) ? ", " + OTHERS.get(type) : "") + ")",
          "record " + name + "(" + String.join(", ", components) + ") {}"});
    }
    GeneratedClasses classes = new GeneratedClasses(configs, List.of());
    int checked = 0;
    for (Map.Entry<ScheduleType, List<Attribute>> entry : bound.entrySet()) {
      ScheduleType type = entry.getKey();
      String name = "Bound" + className(type);
      List<Attribute> doubles = entry.getValue();
      for (int tested = 0; tested < doubles.size(); tested++) {
        for (int v = 0; v < NON_FINITE_VALUES.length; v++) {
          Object[] values = new Object[doubles.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = i == tested ? NON_FINITE_VALUES[v] : Double.parseDouble(VALID.get(doubles.get(i).param()));
          }
          Object config = classes.config(name, values);
          IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
              () -> classes.boundScheduler(name, config, Object.class, 0.1, 0.05),
              name + " with " + doubles.get(tested).param().attribute + " = " + PRINTED[v]);
          assertEquals(expected(type, doubles.get(tested).param(), "", PRINTED[v]), thrown.getMessage());
          checked++;
        }
      }
    }
    assertTrue(checked >= 3 * 16, "checked " + checked);
  }
}

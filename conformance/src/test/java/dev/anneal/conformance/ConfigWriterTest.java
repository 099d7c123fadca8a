package dev.anneal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anneal.conformance.ConfigWriter.ConfigSource;
import dev.anneal.conformance.ConfigWriter.NotExpressible;
import org.junit.jupiter.api.Test;

class ConfigWriterTest {

  private static final String VALUES = "'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 1,"
      + " 'expected': {'lr': [[0.1]]}";
  private static final String REFUSED = "'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 1,"
      + " 'expected': {'error': {'at': 'construction', 'type': 'ValueError', 'message': 'bad'}}";

  private static ConfigSource write(String scheduler, String rest) {
    ConformanceCase c = Cases.parse("{'id': 'w', 'scheduler': " + scheduler + ", " + rest + "}");
    return assertInstanceOf(ConfigSource.class, ConfigWriter.write(c, "p.c1"));
  }

  private static String annotations(String scheduler) {
    return write(scheduler, VALUES).source();
  }

  @Test
  void writesAConfigClassInTheCasesPackage() {
    ConfigSource source = write("{'type': 'StepLR', 'args': {'step_size': 4, 'gamma': 0.5}}", VALUES);
    assertEquals("p.c1.Config", source.configName());
    assertEquals("p.c1.ConfigScheduler", source.schedulerName());
    assertEquals("""
        // Conformance case "w" of test.json.
        package p.c1;

        import dev.anneal.*;

        @Schedule(type = ScheduleType.STEP, stepSize = 4, gamma = 0.5)
        public final class Config {
        }
        """, source.source());
  }

  @Test
  void mapsSnakeCaseArgumentsToAttributes() {
    String s = annotations("{'type': 'CosineAnnealingWarmRestarts', 'args': {'T_0': 8, 'T_mult': 2, 'eta_min': 1e-4}}");
    assertTrue(s.contains("@Schedule(type = ScheduleType.COSINE_WARM_RESTARTS, t0 = 8, tMult = 2, etaMin = 1.0E-4)"), s);
  }

  @Test
  void writesValuesByTheAttributesType() {
    // An integral float for an int attribute is an int; an int for a double attribute a double.
    String s = annotations("{'type': 'PolynomialLR', 'args': {'total_iters': 8.0, 'power': 2}}");
    assertTrue(s.contains("totalIters = 8, power = 2.0"), s);
  }

  /**
   * timm reads each group's lr_scale, Anneal's per-group lrScale (1 for a group without one), and
   * its t_in_epochs=False is how every Anneal scheduler steps; PyTorch's schedulers ignore lr_scale.
   */
  @Test
  void writesTimmsLrScaleFromTheGroupsAndLeavesOutTInEpochs() {
    String rest = "'optimizer': {'lr': 0.1, 'param_groups': [{'lr': 0.1, 'lr_scale': 0.5}, {'lr': 0.01}]},"
        + " 'steps': 1, 'expected': {'lr': [[0.05, 0.01]]}";
    String timm = write("{'type': 'timm.CosineLRScheduler', 'args': {'t_initial': 10, 't_in_epochs': false}}", rest)
        .source();
    assertTrue(timm.contains("@Schedule(type = ScheduleType.TIMM_COSINE, lrScale = {0.5, 1.0}, tInitial = 10)"), timm);
    String step = write("{'type': 'StepLR', 'args': {'step_size': 2}}", rest).source();
    assertFalse(step.contains("lrScale"), step);
  }

  /**
   * timm's PlateauLRScheduler: its arguments by name, mode and noise_type by the constants' names
   * in the reference, and a noise_type of any other string, which timm draws the uniform noise for,
   * as UNIFORM.
   */
  @Test
  void writesTimmsPlateauWithAnyOtherNoiseTypeAsUniform() {
    String s = annotations("{'type': 'timm.PlateauLRScheduler', 'args': {'decay_rate': 0.5, 'patience_t': 2,"
        + " 'cooldown_t': 1, 'mode': 'min', 'noise_range_t': [3, 9], 'noise_type': 'normal'}}");
    assertTrue(s.contains("decayRate = 0.5,\n    patienceT = 2,\n    cooldownT = 1,\n    mode = Mode.MIN,\n"
        + "    noiseRangeT = {3, 9},\n    noiseType = TimmNoiseType.NORMAL)"), s);
    for (String other : new String[] {"uniform", "gaussian", "Normal", ""}) {
      String written = annotations("{'type': 'timm.PlateauLRScheduler', 'args': {'noise_type': '" + other + "'}}");
      assertTrue(written.contains("noiseType = TimmNoiseType.UNIFORM"), other + ": " + written);
    }
    // Elsewhere a string that names no constant is written as it reads, for the compiler to refuse.
    String mode = annotations("{'type': 'timm.PlateauLRScheduler', 'args': {'mode': 'up'}}");
    assertTrue(mode.contains("mode = Mode.UP"), mode);
  }

  /** get_polynomial_decay_schedule_with_warmup reads optimizer.defaults["lr"], Anneal's lrInit. */
  @Test
  void writesTheOptimizersOwnRateForATypeThatTakesLrInit() {
    String rest = "'optimizer': {'lr': 0.002, 'param_groups': [{'lr': 0.1}]}, 'steps': 1, 'expected': {'lr': [[0.0]]}";
    String polynomial = write("{'type': 'transformers.get_polynomial_decay_schedule_with_warmup',"
        + " 'args': {'num_warmup_steps': 2, 'num_training_steps': 10}}", rest).source();
    assertTrue(polynomial.contains("    type = ScheduleType.HF_POLYNOMIAL,\n    lrInit = 0.002,\n"
        + "    numWarmupSteps = 2,\n    numTrainingSteps = 10)"), polynomial);
    String linear = write("{'type': 'transformers.get_linear_schedule_with_warmup',"
        + " 'args': {'num_warmup_steps': 2, 'num_training_steps': 10}}", rest).source();
    assertFalse(linear.contains("lrInit"), linear);
    // Without the optimizer's rate the attribute is left out, and the compiler says it is required.
    String without = write("{'type': 'transformers.get_polynomial_decay_schedule_with_warmup',"
        + " 'args': {'num_warmup_steps': 2, 'num_training_steps': 10}}", VALUES).source();
    assertFalse(without.contains("lrInit"), without);
  }

  /**
   * get_cosine_with_min_lr_schedule_with_warmup reads optimizer.defaults["lr"] only to divide
   * min_lr by it: lrInit beside minLr, not beside minLrRate, where the reference never reads it.
   */
  @Test
  void writesTheOptimizersOwnRateWhereTheReferenceDividesMinLrByIt() {
    String rest = "'optimizer': {'lr': 0.002, 'param_groups': [{'lr': 0.1}]}, 'steps': 1, 'expected': {'lr': [[0.0]]}";
    String minLr = write("{'type': 'transformers.get_cosine_with_min_lr_schedule_with_warmup',"
        + " 'args': {'num_warmup_steps': 2, 'num_training_steps': 10, 'min_lr': 1e-5}}", rest).source();
    assertTrue(minLr.contains("lrInit = 0.002,"), minLr);
    assertTrue(minLr.contains("minLr = {1.0E-5}"), minLr);
    String rate = write("{'type': 'transformers.get_cosine_with_min_lr_schedule_with_warmup',"
        + " 'args': {'num_warmup_steps': 2, 'num_training_steps': 10, 'min_lr_rate': 0.1}}", rest).source();
    assertFalse(rate.contains("lrInit"), rate);
  }

  /**
   * diffusers' step_rules, one string, as the attributes that take it apart: each factor:step in
   * the order written, and the last factor.
   */
  @Test
  void splitsStepRulesIntoTheirAttributes() {
    String rules = annotations("{'type': 'diffusers.get_piecewise_constant_schedule',"
        + " 'args': {'step_rules': '0.1:20,1:10,0.05'}}");
    assertTrue(rules.contains("ruleSteps = {20, 10},\n    ruleFactors = {0.1, 1.0},\n    lastFactor = 0.05)"), rules);
    String last = annotations("{'type': 'diffusers.get_piecewise_constant_schedule', 'args': {'step_rules': '0.5'}}");
    assertTrue(last.contains("ruleSteps = {},\n    ruleFactors = {},\n    lastFactor = 0.5)"), last);
  }

  @Test
  void writesAScalarForAPerGroupAttributeAsOneElementArray() {
    String s = annotations("{'type': 'CyclicLR', 'args': {'base_lr': 0.001, 'max_lr': [0.01, 0.002]}}");
    assertTrue(s.contains("baseLr = {0.001}, maxLr = {0.01, 0.002}"), s);
  }

  @Test
  void mapsStringsToEnumConstantsByTheirTorchName() {
    assertTrue(annotations("{'type': 'CyclicLR', 'args': {'mode': 'triangular2', 'scale_mode': 'iterations'}}")
        .contains("mode = Mode.TRIANGULAR2, scaleMode = ScaleMode.ITERATIONS"));
    assertTrue(annotations("{'type': 'CyclicLR', 'args': {'mode': 'exp_range'}}").contains("mode = Mode.EXP_RANGE"));
    assertTrue(annotations("{'type': 'OneCycleLR', 'args': {'anneal_strategy': 'cos'}}")
        .contains("annealStrategy = AnnealStrategy.COS"));
    assertTrue(annotations("{'type': 'ReduceLROnPlateau', 'args': {'mode': 'max', 'threshold_mode': 'abs'}}")
        .contains("mode = Mode.MAX, thresholdMode = ThresholdMode.ABS"));
  }

  @Test
  void writesAStringThatNamesNoConstantForTheCompilerToRefuse() {
    String s = write("{'type': 'CyclicLR', 'args': {'mode': 'saw-tooth'}}", REFUSED).source();
    assertTrue(s.contains("mode = Mode.SAW_TOOTH"), s);
  }

  @Test
  void omitsNullsAndArgumentsWithoutEffect() {
    String s = annotations("{'type': 'CyclicLR', 'args': {'step_size_up': 3, 'step_size_down': null,"
        + " 'last_epoch': -1, 'verbose': false}}");
    assertTrue(s.contains("@Schedule(type = ScheduleType.CYCLIC, stepSizeUp = 3)"), s);
  }

  @Test
  void writesNonFiniteFloatsAsConstants() {
    String s = annotations("{'type': 'StepLR', 'args': {'step_size': 1, 'gamma': Infinity}}");
    assertTrue(s.contains("gamma = Double.POSITIVE_INFINITY"), s);
    s = annotations("{'type': 'StepLR', 'args': {'step_size': 1, 'gamma': NaN}}");
    assertTrue(s.contains("gamma = Double.NaN"), s);
  }

  @Test
  void writesFunctionsAsStaticMethodsNamedInTheAnnotation() {
    String s = annotations("{'type': 'LambdaLR', 'args': {'lr_lambda': ["
        + "{'python': 'epoch // 3', 'java': '(double) (epoch / 3)', 'var': 'epoch'},"
        + "{'python': '0.9 ** epoch', 'java': 'Math.pow(0.9, epoch)', 'var': 'epoch'}]}}");
    assertTrue(s.contains("@Schedule(type = ScheduleType.LAMBDA, lrLambda = {\"lambda0\", \"lambda1\"})"), s);
    assertTrue(s.contains("  static double lambda0(long epoch) {\n    return (double) (epoch / 3);\n  }"), s);
    assertTrue(s.contains("  static double lambda1(long epoch) {\n    return Math.pow(0.9, epoch);\n  }"), s);
  }

  @Test
  void theScaleFunctionTakesADouble() {
    String s = annotations("{'type': 'CyclicLR', 'args': {'scale_fn': "
        + "{'python': '1.0 / (1.0 + 0.05 * x)', 'java': '1.0 / (1.0 + 0.05 * x)', 'var': 'x'}}}");
    assertTrue(s.contains("scaleFn = \"scale0\""), s);
    assertTrue(s.contains("static double scale0(double x) {"), s);
  }

  @Test
  void writesSequentialAndChainedAsRepeatedSchedules() {
    String s = annotations("{'type': 'SequentialLR', 'args': {'milestones': [5]}, 'schedulers': ["
        + "{'type': 'LinearLR', 'args': {'start_factor': 0.1, 'total_iters': 5}},"
        + "{'type': 'CosineAnnealingLR', 'args': {'T_max': 27}}]}");
    assertTrue(s.contains("""
        @Schedule(type = ScheduleType.LINEAR, startFactor = 0.1, totalIters = 5)
        @Schedule(type = ScheduleType.COSINE, tMax = 27)
        @Sequential(milestones = {5})
        public final class Config {"""), s);
    s = annotations("{'type': 'ChainedScheduler', 'schedulers': ["
        + "{'type': 'ConstantLR', 'args': {'factor': 0.1, 'total_iters': 2}},"
        + "{'type': 'ExponentialLR', 'args': {'gamma': 0.9}}]}");
    assertTrue(s.contains("""
        @Schedule(type = ScheduleType.CONSTANT, factor = 0.1, totalIters = 2)
        @Schedule(type = ScheduleType.EXPONENTIAL, gamma = 0.9)
        @Chained
        public final class Config {"""), s);
  }

  @Test
  void wrapsLongAnnotations() {
    String s = annotations("{'type': 'OneCycleLR', 'args': {'max_lr': 0.05, 'total_steps': 40, 'pct_start': 0.1,"
        + " 'div_factor': 10.0, 'final_div_factor': 100.0, 'base_momentum': 0.8, 'max_momentum': 0.95}}");
    assertTrue(s.contains("@Schedule(\n    type = ScheduleType.ONE_CYCLE,\n    maxLr = {0.05},\n"), s);
  }

  @Test
  void aScheduleWithoutAScheduleTypeIsNotExpressible() {
    ConformanceCase c = Cases.parse("{'id': 'w', 'scheduler': {'type': 'WarmupLR', 'args': {}}, " + VALUES + "}");
    NotExpressible n = assertInstanceOf(NotExpressible.class, ConfigWriter.write(c, "p.c1"));
    assertEquals("no ScheduleType is WarmupLR", n.reason());
  }

  @Test
  void anArgumentWithoutAttributeIsNotExpressibleWhereTheReferenceRuns() {
    ConformanceCase c = Cases.parse("{'id': 'w', 'scheduler': {'type': 'StepLR', 'args': {'step_size': 2,"
        + " 'last_epoch': 5}}, " + VALUES + "}");
    NotExpressible n = assertInstanceOf(NotExpressible.class, ConfigWriter.write(c, "p.c1"));
    assertEquals("StepLR argument last_epoch has no attribute in @Schedule", n.reason());
  }

  @Test
  void anArgumentWithoutAttributeIsWrittenWhereTheReferenceRefuses() {
    // The user cannot write it either, and the compiler's refusal names it.
    String s = write("{'type': 'StepLR', 'args': {'step_size': 2, 'warmup': 'yes'}}", REFUSED).source();
    assertTrue(s.contains("stepSize = 2, warmup = \"yes\""), s);
  }

  @Test
  void aRefusalMayNameAnyArgumentOrAnAttributeInTheReferencesMessage() {
    ConformanceCase c = Cases.parse("{'id': 'w', 'scheduler': {'type': 'OneCycleLR', 'args': {'max_lr': 0.1}},"
        + " 'optimizer': {'param_groups': [{'lr': 0.1}]}, 'steps': 1, 'expected': {'error': {'at': 'construction',"
        + " 'type': 'ValueError', 'message': 'You must define either total_steps OR (epochs AND steps_per_epoch)'}}}");
    ConfigSource source = assertInstanceOf(ConfigSource.class, ConfigWriter.write(c, "p.c1"));
    for (String name : new String[] {"max_lr", "maxLr", "totalSteps", "total_steps", "epochs", "stepsPerEpoch"}) {
      assertTrue(source.parameterNames().contains(name), name + " in " + source.parameterNames());
    }
  }
}

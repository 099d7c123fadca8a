package dev.anneal.djl;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tests' network and its parameter groups. */
final class Blocks {

  private Blocks() {}

  /** Two inputs, two hidden layers of {@code width} with tanh, two outputs. */
  static SequentialBlock mlp(int width) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(width).build())
        .add(Activation::tanh)
        .add(Linear.builder().setUnits(width).build())
        .add(Activation::tanh)
        .add(Linear.builder().setUnits(2).build());
  }

  /** Group 0 for the weights, group 1 for the biases. */
  static Map<String, Integer> weightsAndBiases(Block block) {
    Map<String, Integer> groups = new LinkedHashMap<>();
    for (Pair<String, Parameter> parameter : block.getParameters()) {
      groups.put(parameter.getKey(), parameter.getKey().endsWith("bias") ? 1 : 0);
    }
    return groups;
  }

  /** The id DJL passes its trackers for the parameter named {@code name}. */
  static String id(Block block, String name) {
    return block.getParameters().get(name).getId();
  }
}

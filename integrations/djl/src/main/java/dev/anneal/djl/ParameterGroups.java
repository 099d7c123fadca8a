package dev.anneal.djl;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * The parameter group of each parameter of a block, from a map of the parameters' names, resolved
 * once to the ids DJL's optimizers pass their trackers.
 *
 * <p>The names are those {@link Block#getParameters()} lists: a child's parameters carry the
 * child's name in front, {@code "01Linear_weight"} for the weight of a {@code SequentialBlock}'s
 * first {@code Linear}. Every parameter of the block must have a group, and every name of the map
 * must be a parameter of the block: a misspelt name is refused, never left at a default group.
 */
final class ParameterGroups {

  private final Map<String, Integer> slotOfId;
  private final Map<String, String> nameOfId;
  private final int[] groupsInUse;

  private ParameterGroups(Map<String, Integer> slotOfId, Map<String, String> nameOfId,
      int[] groupsInUse) {
    this.slotOfId = slotOfId;
    this.nameOfId = nameOfId;
    this.groupsInUse = groupsInUse;
  }

  /**
   * Resolves {@code groups} against {@code block}'s parameters, checking each group with {@code
   * checkGroup} (which throws {@link IndexOutOfBoundsException} for a group the scheduler does not
   * have).
   */
  static ParameterGroups resolve(Block block, Map<String, Integer> groups, IntConsumer checkGroup) {
    if (block == null) {
      throw new NullPointerException("block");
    }
    if (groups == null) {
      throw new NullPointerException("groups");
    }
    Map<String, Integer> groupOfName = new TreeMap<>();
    Map<String, String> nameOfId = new HashMap<>();
    Set<String> names = new LinkedHashSet<>();
    List<String> unmapped = new ArrayList<>();
    for (Pair<String, Parameter> pair : block.getParameters()) {
      String name = pair.getKey();
      names.add(name);
      Integer group = groups.get(name);
      if (group == null) {
        unmapped.add(name);
      } else {
        groupOfName.put(name, group);
        nameOfId.put(pair.getValue().getId(), name);
      }
    }
    Set<String> unknown = new TreeSet<>(groups.keySet());
    unknown.removeAll(names);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "groups names " + unknown + ", which are not parameters of the block; its parameters"
              + " are " + names);
    }
    if (!unmapped.isEmpty()) {
      throw new IllegalArgumentException(
          "groups gives no group to the block's parameters " + unmapped
              + "; every parameter needs one (the block's parameters are " + names + ")");
    }
    for (Map.Entry<String, Integer> entry : groupOfName.entrySet()) {
      try {
        checkGroup.accept(entry.getValue());
      } catch (IndexOutOfBoundsException e) {
        throw new IllegalArgumentException(
            "groups puts parameter " + entry.getKey() + " in group " + entry.getValue() + ": "
                + e.getMessage(),
            e);
      }
    }
    int[] inUse =
        new TreeSet<>(groupOfName.values()).stream().mapToInt(Integer::intValue).toArray();
    Map<String, Integer> slotOfId = new HashMap<>();
    nameOfId.forEach(
        (id, name) -> slotOfId.put(id, Arrays.binarySearch(inUse, groupOfName.get(name))));
    return new ParameterGroups(Map.copyOf(slotOfId), Map.copyOf(nameOfId), inUse);
  }

  /** The groups that some parameter is in, in increasing order; not to be changed. */
  int[] groupsInUse() {
    return groupsInUse;
  }

  /**
   * The index in {@link #groupsInUse()} of the group of the parameter DJL calls {@code
   * parameterId}.
   *
   * @throws IllegalArgumentException if the block has no such parameter
   */
  int slotOf(String parameterId) {
    Integer slot = slotOfId.get(parameterId);
    if (slot == null) {
      throw new IllegalArgumentException(
          "DJL asks for the rate of parameter " + parameterId + ", which is none of the block's"
              + " parameters " + new TreeSet<>(nameOfId.values()) + " (by their ids): build the"
              + " tracker from the block the trainer trains");
    }
    return slot;
  }
}

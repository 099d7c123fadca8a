package dev.anneal.dl4j;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of a config record's components as an {@link AnnealSchedule} keeps them: one form per
 * component type, whether read from the record or from JSON, where a number may come back as
 * another boxed type, an array as a list, a non-finite double as a string and an enum as its name.
 */
final class Values {

  private Values() {}

  /** Whether a component of {@code type} can be written to JSON and read back. */
  static boolean supports(Class<?> type) {
    return type == double.class || type == Double.class
        || type == float.class || type == Float.class
        || type == int.class || type == Integer.class
        || type == long.class || type == Long.class
        || type == short.class || type == Short.class
        || type == byte.class || type == Byte.class
        || type == boolean.class || type == Boolean.class
        || type == String.class || type.isEnum()
        || type == double[].class || type == int[].class || type == long[].class;
  }

  /**
   * {@code value} in the form kept for {@code type}: a boxed number of the component's type, a
   * {@code Boolean}, a {@code String}, an enum constant's name, or a copy of a primitive array;
   * null if {@code value} is not one of {@code type}'s values (a fraction for an {@code int}, a
   * number past a {@code long}, an unknown constant) or {@code type} is not supported.
   */
  static Object convert(Class<?> type, Object value) {
    if (type == double.class || type == Double.class) {
      return toDouble(value);
    }
    if (type == float.class || type == Float.class) {
      Double d = toDouble(value);
      return d == null || (double) d.floatValue() != d && !d.isNaN() ? null : d.floatValue();
    }
    if (type == long.class || type == Long.class) {
      return toLong(value);
    }
    if (type == int.class || type == Integer.class) {
      Long l = toLong(value);
      return l == null || l != l.intValue() ? null : l.intValue();
    }
    if (type == short.class || type == Short.class) {
      Long l = toLong(value);
      return l == null || l != l.shortValue() ? null : l.shortValue();
    }
    if (type == byte.class || type == Byte.class) {
      Long l = toLong(value);
      return l == null || l != l.byteValue() ? null : l.byteValue();
    }
    if (type == boolean.class || type == Boolean.class) {
      return value instanceof Boolean ? value : null;
    }
    if (type == String.class) {
      return value instanceof String ? value : null;
    }
    if (type.isEnum()) {
      String name = value instanceof Enum<?> ? ((Enum<?>) value).name()
          : value instanceof String ? (String) value : null;
      if (name == null) {
        return null;
      }
      for (Object constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(name)) {
          return name;
        }
      }
      return null;
    }
    if (type == double[].class) {
      Object[] elements = elements(value);
      if (elements == null) {
        return value instanceof double[] ? ((double[]) value).clone() : null;
      }
      double[] array = new double[elements.length];
      for (int i = 0; i < array.length; i++) {
        Double d = toDouble(elements[i]);
        if (d == null) {
          return null;
        }
        array[i] = d;
      }
      return array;
    }
    if (type == long[].class || type == int[].class) {
      if (value instanceof long[]) {
        value = Arrays.stream((long[]) value).boxed().toArray();
      } else if (value instanceof int[]) {
        value = Arrays.stream((int[]) value).boxed().toArray();
      }
      Object[] elements = elements(value);
      if (elements == null) {
        return null;
      }
      long[] longs = new long[elements.length];
      for (int i = 0; i < longs.length; i++) {
        Long l = toLong(elements[i]);
        if (l == null || (type == int[].class && l != l.intValue())) {
          return null;
        }
        longs[i] = l;
      }
      return type == long[].class ? longs : Arrays.stream(longs).mapToInt(l -> (int) l).toArray();
    }
    return null;
  }

  /** The constructor argument of a component of {@code type} from its kept form. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object argument(Class<?> type, Object kept) {
    if (type.isEnum()) {
      return Enum.valueOf((Class) type, (String) kept);
    }
    if (kept instanceof double[]) {
      return ((double[]) kept).clone();
    }
    if (kept instanceof int[]) {
      return ((int[]) kept).clone();
    }
    if (kept instanceof long[]) {
      return ((long[]) kept).clone();
    }
    return kept;
  }

  private static Object[] elements(Object value) {
    if (value instanceof List<?>) {
      return ((List<?>) value).toArray();
    }
    if (value instanceof Object[]) {
      return (Object[]) value;
    }
    return null;
  }

  private static Double toDouble(Object value) {
    if (value instanceof Double || value instanceof Float || value instanceof Long
        || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Number) { // BigInteger, BigDecimal
      return ((Number) value).doubleValue();
    }
    if (value instanceof String) { // how Jackson writes NaN and the infinities
      switch ((String) value) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          return null;
      }
    }
    return null;
  }

  private static Long toLong(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof java.math.BigInteger) {
      java.math.BigInteger big = (java.math.BigInteger) value;
      return big.bitLength() < 64 ? big.longValue() : null;
    }
    if (value instanceof Double || value instanceof Float
        || value instanceof java.math.BigDecimal) {
      double d = ((Number) value).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (long) d : null;
    }
    return null;
  }

  /** Whether two kept maps hold the same values, arrays by content; in the same order. */
  static boolean equal(Map<String, Object> a, Map<String, Object> b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<Map.Entry<String, Object>> i = a.entrySet().iterator();
    Iterator<Map.Entry<String, Object>> j = b.entrySet().iterator();
    while (i.hasNext()) {
      Map.Entry<String, Object> x = i.next();
      Map.Entry<String, Object> y = j.next();
      if (!x.getKey().equals(y.getKey()) || !Objects.deepEquals(x.getValue(), y.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** A hash of a kept map consistent with {@link #equal}. */
  static int hash(Map<String, Object> values) {
    if (values == null) {
      return 0;
    }
    int hash = 1;
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      hash = 31 * hash + entry.getKey().hashCode();
      hash = 31 * hash + Arrays.deepHashCode(new Object[] {entry.getValue()});
    }
    return hash;
  }
}

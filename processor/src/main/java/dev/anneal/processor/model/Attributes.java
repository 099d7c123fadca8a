package dev.anneal.processor.model;

import dev.anneal.internal.Rule;
import dev.anneal.processor.model.Attribute.Fallback;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The attributes that one schedule type takes, in the order its reference declares them. */
public final class Attributes {
  private final Map<Param, Attribute> byParam;

  private Attributes(Map<Param, Attribute> byParam) {
    this.byParam = Collections.unmodifiableMap(byParam);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Collection<Attribute> all() {
    return byParam.values();
  }

  public boolean takes(Param param) {
    return byParam.containsKey(param);
  }

  /** The attribute {@code param}, which the caller knows the type takes. */
  public Attribute get(Param param) {
    Attribute attribute = byParam.get(param);
    if (attribute == null) {
      throw new IllegalArgumentException("not an attribute of this type: " + param);
    }
    return attribute;
  }

  /** The attributes as a readable list for messages. */
  public String names() {
    return byParam.keySet().stream().map(p -> p.attribute).collect(Collectors.joining(", "));
  }

  /** Declares the attributes of one type, each once. */
  public static final class Builder {
    private final Map<Param, Attribute> byParam = new LinkedHashMap<>();

    private Builder() {}

    public Builder required(Param param, Rule rule) {
      return add(new Attribute(param, new Fallback.Required(), Optional.ofNullable(rule)));
    }

    public Builder optional(Param param, Object defaultValue, Rule rule) {
      return add(new Attribute(param, new Fallback.Default(defaultValue), Optional.ofNullable(rule)));
    }

    public Builder sameAs(Param param, Param other, Rule rule) {
      return add(new Attribute(param, new Fallback.SameAs(other), Optional.ofNullable(rule)));
    }

    public Builder derived(Param param, Formula formula, Rule rule) {
      return add(new Attribute(param, new Fallback.Derived(formula), Optional.ofNullable(rule)));
    }

    public Builder alternative(Param param, String how, Rule rule) {
      return add(new Attribute(param, new Fallback.Alternative(how), Optional.ofNullable(rule)));
    }

    private Builder add(Attribute attribute) {
      if (byParam.put(attribute.param(), attribute) != null) {
        throw new IllegalStateException(attribute.param() + " declared twice");
      }
      if (attribute.fallback() instanceof Fallback.SameAs same && !byParam.containsKey(same.other())) {
        throw new IllegalStateException(attribute.param() + " defaults to " + same.other() + ", declared after it");
      }
      return this;
    }

    public Attributes build() {
      for (Attribute attribute : byParam.values()) {
        if (attribute.fallback() instanceof Fallback.Derived derived
            && !byParam.keySet().containsAll(derived.formula().from())) {
          throw new IllegalStateException(attribute.param() + " is derived from attributes not declared");
        }
      }
      return new Attributes(new LinkedHashMap<>(byParam));
    }
  }
}

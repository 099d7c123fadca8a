package dev.anneal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PyTorch's {@code ChainedScheduler}: every step, the config's {@link Schedule}s update the rate
 * one after another, in the order written, each starting from the rate the previous one left.
 * For decays that multiply the rate, the result is the product of their factors.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Chained {}

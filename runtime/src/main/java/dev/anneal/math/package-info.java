/**
 * The mathematics of every schedule, one class per PyTorch scheduler and named after it, each
 * formula stated once. Generated schedulers call these methods with their constants folded in; the
 * processor calls the same methods at compile time to fold them. All methods are pure, static and
 * allocation-free.
 *
 * <p>timm's learning-rate noise has two classes of its own: {@link dev.anneal.math.TimmNoise}, and
 * {@link dev.anneal.math.TorchGenerator}, PyTorch's CPU random number generator as far as that
 * noise needs it. These are not pure: TorchGenerator's methods draw from, and so change, the state
 * they are handed ({@code newState} allocates it), and TimmNoise keeps one such state per thread.
 *
 * <p>Notation follows {@code torch.optim.lr_scheduler}: {@code t} is {@code last_epoch}, the number
 * of {@code step()} calls so far, and {@code base_lr} is the group's initial rate.
 */
package dev.anneal.math;

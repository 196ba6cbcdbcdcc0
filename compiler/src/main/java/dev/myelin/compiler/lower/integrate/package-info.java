/**
 * Numerical integration of a group's differential equations: turns an {@link
 * dev.myelin.compiler.lower.integrate.OdeSystem} into a {@link
 * dev.myelin.compiler.lower.integrate.StateUpdate} (straight-line locals, then writes) with Brian2's
 * methods: {@code exact} ({@link dev.myelin.compiler.lower.integrate.ExactIntegrator}),
 * {@code exponential_euler} ({@link dev.myelin.compiler.lower.integrate.ExponentialEuler}) and the
 * explicit schemes {@code euler}, {@code rk2}, {@code rk4}, {@code heun} ({@link
 * dev.myelin.compiler.lower.integrate.ExplicitScheme} expanded by {@link
 * dev.myelin.compiler.lower.integrate.ExplicitIntegrator}); {@link
 * dev.myelin.compiler.lower.integrate.MethodChoice} maps names and makes Brian2's automatic choice.
 */
package dev.myelin.compiler.lower.integrate;

package dev.myelin.compiler.lower.integrate;

/** The integration methods Myelin offers, under Brian2's names. */
public enum IntegrationMethod {
    EXACT("exact"),
    EULER("euler"),
    RK2("rk2"),
    RK4("rk4"),
    HEUN("heun"),
    MILSTEIN("milstein"),
    EXPONENTIAL_EULER("exponential_euler");

    public final String brianName;

    IntegrationMethod(String brianName) {
        this.brianName = brianName;
    }

    /** The update for {@code system}, or why this method cannot integrate it. */
    public StateUpdate integrate(OdeSystem system) throws UnsupportedEquationsException {
        if (system.isStochastic()) {
            return switch (this) {
                case EULER -> StochasticIntegrator.euler(system);
                case HEUN -> StochasticIntegrator.heun(system);
                case MILSTEIN -> StochasticIntegrator.milstein(system);
                default -> throw new UnsupportedEquationsException("the equations are stochastic (they contain "
                        + String.join(", ", system.noiseNames()) + "), which " + brianName
                        + " cannot integrate; use method 'euler' (additive noise), 'heun' or 'milstein'");
            };
        }
        return switch (this) {
            case EXACT -> ExactIntegrator.integrate(system);
            case EULER -> ExplicitIntegrator.integrate(system, ExplicitScheme.EULER);
            case RK2 -> ExplicitIntegrator.integrate(system, ExplicitScheme.RK2);
            case RK4 -> ExplicitIntegrator.integrate(system, ExplicitScheme.RK4);
            case HEUN -> ExplicitIntegrator.integrate(system, ExplicitScheme.HEUN);
            // Without noise the derivative-free Milstein update is x + dt*f, forward Euler.
            case MILSTEIN -> ExplicitIntegrator.integrate(system, ExplicitScheme.EULER);
            case EXPONENTIAL_EULER -> ExponentialEuler.integrate(system);
        };
    }
}

package dev.myelin.compiler.expr;

import java.util.Optional;

/** The functions Brian2 models may call, with their arity. */
public enum Function {
    EXP("exp", 1), LOG("log", 1), LOG10("log10", 1), SQRT("sqrt", 1),
    SIN("sin", 1), COS("cos", 1), TAN("tan", 1), SINH("sinh", 1), COSH("cosh", 1), TANH("tanh", 1),
    ARCSIN("arcsin", 1), ARCCOS("arccos", 1), ARCTAN("arctan", 1),
    ABS("abs", 1), SIGN("sign", 1), FLOOR("floor", 1), CEIL("ceil", 1),
    CLIP("clip", 3), INT("int", 1), EXPREL("exprel", 1), EXPM1("expm1", 1), LOG1P("log1p", 1),
    RAND("rand", 0), RANDN("randn", 0),
    /**
     * A TimedArray lookup {@code stim(t)} or {@code stim(t, i)}; the call's {@code site} numbers the
     * table (the model's timed arrays in declaration order). Not callable by name.
     */
    TABLE("", -1),
    /**
     * {@code exp(-rate * elapsed)} in an event-driven update, elapsed being {@code t - lastupdate}:
     * arguments (rate, elapsed), rate fixed during a run. Codegen reads it from a table by whole
     * steps; the {@code site} numbers the table. Not callable by name.
     */
    DECAY("", -1),
    /**
     * The same decay over a whole number of steps: arguments (rate, steps); the traces kept per
     * postsynaptic neuron decay by one step every step. Not callable by name.
     */
    DECAY_STEPS("", -1),
    /**
     * The decay since a trace was last set: arguments (rate, the time it was set, -infinity for
     * never, which gives 0). Not callable by name.
     */
    DECAY_SINCE("", -1);

    public final String brianName;
    public final int arity;

    Function(String brianName, int arity) {
        this.brianName = brianName;
        this.arity = arity;
    }

    /** Random functions must not be folded, hoisted or merged: each call is a fresh draw. */
    public boolean isRandom() { return this == RAND || this == RANDN; }

    public static Optional<Function> byName(String name) {
        for (Function f : values()) if (f != TABLE && f != DECAY && f != DECAY_STEPS && f != DECAY_SINCE && f.brianName.equals(name)) return Optional.of(f);
        return Optional.empty();
    }
}

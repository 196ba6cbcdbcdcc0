package dev.myelin.compiler.check;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.runtime.units.Dimension;

/** What a name means where it is used. */
sealed interface Symbol {

    /** A value: a group variable, param, const, unit, built-in constant or an inlined subexpression. */
    record Value(Expr expr, Dimension dimension, Kind kind, SourceSpan declaredAt) implements Symbol {

        /**
         * A stand-in for a declaration that already produced an error (a bad unit, a reserved
         * name...): it resolves, so uses are not reported as unknown, but checks as invalid.
         */
        static Value broken(Kind kind, SourceSpan declaredAt) {
            return new Value(Expr.num(Double.NaN), null, kind, declaredAt);
        }

        boolean isBroken() {
            return dimension == null;
        }
    }

    enum Kind {
        STATE_VARIABLE, PARAMETER, CONSTANT_PARAMETER, BUILTIN_VARIABLE, SUBEXPRESSION, INDEX, SIZE, TIME,
        MODEL_PARAM, MODEL_CONST, UNIT, MATH_CONSTANT, SYNAPTIC_BUILTIN, NOISE, PROTOCOL_VARIABLE;

        String describe() {
            return switch (this) {
                case STATE_VARIABLE -> "a state variable";
                case PARAMETER -> "a parameter";
                case CONSTANT_PARAMETER -> "a constant parameter";
                case BUILTIN_VARIABLE -> "a built-in variable";
                case SUBEXPRESSION -> "a subexpression";
                case INDEX -> "the neuron index";
                case SIZE -> "the group size";
                case TIME -> "the simulation time";
                case MODEL_PARAM -> "a param";
                case MODEL_CONST -> "a const";
                case UNIT -> "a unit";
                case MATH_CONSTANT -> "a mathematical constant";
                case SYNAPTIC_BUILTIN -> "a built-in variable of the synapses";
                case NOISE -> "Brian2's noise term";
                case PROTOCOL_VARIABLE -> "a variable of the protocol";
            };
        }
    }
}

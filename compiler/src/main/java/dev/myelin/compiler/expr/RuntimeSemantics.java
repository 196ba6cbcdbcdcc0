package dev.myelin.compiler.expr;

import dev.myelin.runtime.MathFunctions;

/**
 * What the operators and functions of the IR compute at run time, written down once. The
 * {@link Evaluator} and therefore the {@link Simplifier}'s constant folding use exactly these
 * formulas, so the code generator must print the same ones (or call a runtime copy of them) for
 * folding to be invisible in the results.
 *
 * <p>The functions generated code calls are the runtime's {@link MathFunctions}; this class
 * delegates to them, so folding at compile time and computing at run time cannot disagree. They
 * follow Brian2's NumPy target, which made the reference results: {@code sign(NaN)} is NaN,
 * {@code clip} applies the upper bound last. Floor division and modulo follow Python.
 * Transcendental functions are {@link Math}'s, i.e. what generated Java calling {@code Math.*}
 * gets in the same JVM.
 */
public final class RuntimeSemantics {

    private RuntimeSemantics() {
    }

    /** Python's {@code a % b} for floats: the remainder takes the sign of {@code b}. */
    public static double mod(double a, double b) {
        return MathFunctions.mod(a, b);
    }

    /**
     * Python's {@code a // b} for floats. Derived from the exact fmod remainder rather than from
     * {@code floor(a / b)}, whose rounded quotient can land on the wrong side of an integer.
     */
    public static double floorDiv(double a, double b) {
        return MathFunctions.floorDiv(a, b);
    }

    /** Python's {@code a // b} for integers. Throws ArithmeticException for b == 0. */
    public static long floorDiv(long a, long b) {
        return Math.floorDiv(a, b);
    }

    /** Python's {@code a % b} for integers. Throws ArithmeticException for b == 0. */
    public static long mod(long a, long b) {
        return Math.floorMod(a, b);
    }

    /** {@code base ** exponent} for integers; a negative exponent has no integer result. */
    public static long pow(long base, long exponent) {
        if (exponent < 0) {
            throw new ArithmeticException("integer " + base + " ** " + exponent + " has no integer value");
        }
        long result = 1;
        long square = base;
        for (long e = exponent; e > 0; e >>= 1) { // square-and-multiply; wraps like Java's long *
            if ((e & 1) != 0) {
                result *= square;
            }
            square *= square;
        }
        return result;
    }

    public static double pow(double base, double exponent) {
        return Math.pow(base, exponent);
    }

    /** Brian2's {@code exprel(x) = (exp(x) - 1)/x}, exactly 1 near 0 and infinite past overflow. */
    public static double exprel(double x) {
        return MathFunctions.exprel(x);
    }

    /** Brian2's {@code sign} (NumPy target): -1, 0 or 1; NaN stays NaN. */
    public static double sign(double x) {
        return MathFunctions.sign(x);
    }

    public static long sign(long x) {
        return Long.signum(x);
    }

    /** NumPy's {@code clip}: min(max(x, low), high). */
    public static double clip(double x, double low, double high) {
        return MathFunctions.clip(x, low, high);
    }

    public static long clip(long x, long low, long high) {
        return Math.min(Math.max(x, low), high);
    }


    /** {@code int(x)}: truncation towards zero, as Python's int() and a Java cast. */
    public static long truncate(double x) {
        return (long) x;
    }

    /** The one-argument functions on doubles. */
    public static double apply(Function fn, double x) {
        return switch (fn) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG10 -> Math.log10(x);
            case SQRT -> Math.sqrt(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case ARCSIN -> Math.asin(x);
            case ARCCOS -> Math.acos(x);
            case ARCTAN -> Math.atan(x);
            case ABS -> Math.abs(x);
            case SIGN -> sign(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case INT -> truncate(x);
            case EXPREL -> exprel(x);
            case EXPM1 -> Math.expm1(x);
            case LOG1P -> Math.log1p(x);
            case CLIP, RAND, RANDN, TABLE, DECAY, DECAY_STEPS, DECAY_SINCE -> throw new IllegalArgumentException(fn.brianName + " is not a one-argument function");
        };
    }
}

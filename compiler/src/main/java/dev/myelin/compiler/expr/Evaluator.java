package dev.myelin.compiler.expr;

import java.util.List;
import java.util.Map;

/**
 * Evaluates an expression the way generated Java computes it: every node in its own
 * {@link ValueType} (INT nodes in {@code long} arithmetic, DOUBLE nodes in {@code double}, BOOL
 * nodes as booleans, booleans counting as 0/1 in arithmetic as in Python), with the operator and
 * function meanings of {@link RuntimeSemantics}.
 *
 * <p>Variables are looked up by name only; values are given as doubles (an INT variable's value
 * must be integral, a BOOL variable is true when non-zero). Random functions cannot be evaluated.
 * Used for constant folding and to test generated update code numerically.
 */
public final class Evaluator {

    private final Map<String, Double> values;

    public Evaluator(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    /** The value of {@code e} as a double (booleans give 1.0 or 0.0). */
    public static double evaluate(Expr e, Map<String, Double> values) {
        return new Evaluator(values).number(e);
    }

    /** The value of {@code e} as a double, whatever its type. */
    public double number(Expr e) {
        return switch (e.type()) {
            case DOUBLE -> real(e);
            case INT -> integer(e);
            case BOOL -> truth(e) ? 1.0 : 0.0;
        };
    }

    /** The value of an INT or BOOL expression as Java's {@code long} arithmetic computes it. */
    public long integer(Expr e) {
        if (e.type() == ValueType.BOOL) {
            return truth(e) ? 1 : 0;
        }
        if (e.type() == ValueType.DOUBLE) {
            throw new IllegalArgumentException("not an integer expression: " + ExprFormatter.format(e));
        }
        if (e instanceof Expr.Num n) {
            return (long) n.value();
        }
        if (e instanceof Expr.Var v) {
            return (long) lookup(v);
        }
        if (e instanceof Expr.Unary u) {
            return -integer(u.operand()); // NOT is BOOL-typed, so only NEG reaches here
        }
        if (e instanceof Expr.Binary b) {
            long l = integer(b.left());
            long r = integer(b.right());
            return switch (b.op()) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case FLOOR_DIV -> RuntimeSemantics.floorDiv(l, r);
                case MOD -> RuntimeSemantics.mod(l, r);
                case POW -> RuntimeSemantics.pow(l, r);
                default -> throw new IllegalStateException("operator " + b.op() + " has no integer result");
            };
        }
        Expr.Call c = (Expr.Call) e;
        List<Expr> args = c.args();
        return switch (c.fn()) {
            case INT -> args.get(0).type() == ValueType.DOUBLE
                    ? RuntimeSemantics.truncate(real(args.get(0))) : integer(args.get(0));
            case ABS -> Math.abs(integer(args.get(0)));
            case SIGN -> RuntimeSemantics.sign(integer(args.get(0)));
            case CLIP -> RuntimeSemantics.clip(integer(args.get(0)), integer(args.get(1)), integer(args.get(2)));
            default -> throw new IllegalStateException(c.fn().brianName + " has no integer result");
        };
    }

    /** The truth of a BOOL expression; a number is true when non-zero, as in Python. */
    public boolean truth(Expr e) {
        if (e.type() != ValueType.BOOL) {
            return number(e) != 0;
        }
        if (e instanceof Expr.Bool b) {
            return b.value();
        }
        if (e instanceof Expr.Var v) {
            return lookup(v) != 0;
        }
        if (e instanceof Expr.Unary u) {
            return !truth(u.operand());
        }
        Expr.Binary b = (Expr.Binary) e;
        return switch (b.op()) {
            case AND -> truth(b.left()) && truth(b.right());
            case OR -> truth(b.left()) || truth(b.right());
            default -> compare(b);
        };
    }

    private boolean compare(Expr.Binary b) {
        boolean integral = b.left().type() != ValueType.DOUBLE && b.right().type() != ValueType.DOUBLE;
        int sign;
        if (integral) {
            sign = Long.compare(integer(b.left()), integer(b.right()));
        } else {
            double l = real(b.left());
            double r = real(b.right());
            // IEEE comparison, not Double.compare: NaN compares false and -0.0 == 0.0
            return switch (b.op()) {
                case LT -> l < r;
                case LE -> l <= r;
                case GT -> l > r;
                case GE -> l >= r;
                case EQ -> l == r;
                case NE -> l != r;
                default -> throw new IllegalStateException("not a comparison: " + b.op());
            };
        }
        return switch (b.op()) {
            case LT -> sign < 0;
            case LE -> sign <= 0;
            case GT -> sign > 0;
            case GE -> sign >= 0;
            case EQ -> sign == 0;
            case NE -> sign != 0;
            default -> throw new IllegalStateException("not a comparison: " + b.op());
        };
    }

    /** A DOUBLE node, or any node converted to double as Java's numeric promotion does. */
    private double real(Expr e) {
        if (e.type() != ValueType.DOUBLE) {
            return number(e);
        }
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Var v) {
            return lookup(v);
        }
        if (e instanceof Expr.Unary u) {
            return -real(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            double l = real(b.left());
            double r = real(b.right());
            return switch (b.op()) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> l / r;
                case FLOOR_DIV -> RuntimeSemantics.floorDiv(l, r);
                case MOD -> RuntimeSemantics.mod(l, r);
                case POW -> RuntimeSemantics.pow(l, r);
                default -> throw new IllegalStateException("operator " + b.op() + " has no numeric result");
            };
        }
        Expr.Call c = (Expr.Call) e;
        if (c.fn().isRandom()) {
            throw new IllegalArgumentException(c.fn().brianName + "() draws a random number; it has no fixed value");
        }
        if (c.fn() == Function.CLIP) {
            return RuntimeSemantics.clip(real(c.args().get(0)), real(c.args().get(1)), real(c.args().get(2)));
        }
        return RuntimeSemantics.apply(c.fn(), real(c.args().get(0)));
    }

    private double lookup(Expr.Var v) {
        Double value = values.get(v.name());
        if (value == null) {
            throw new IllegalArgumentException("no value given for variable '" + v.name() + "'");
        }
        return value;
    }
}

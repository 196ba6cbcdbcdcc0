package dev.myelin.compiler.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bottom-up constant folding plus a few identities, never reordering operands, so that the
 * simplified tree computes what the original computes.
 *
 * <p><b>Folding</b> evaluates a node whose operands are all literals with the {@link Evaluator},
 * i.e. exactly as generated Java would. It is skipped where the run-time result is not pinned
 * down: random calls; integer results outside the 32-bit range (the generated code may use
 * {@code int}); {@code //} and {@code %} by zero (Python raises); {@code int()} of a value outside
 * the 32-bit range; {@code **} unless the exponent is 0 or 1 or both operands are integral and the
 * result is exactly representable (the only cases where {@code Math.pow} is exact by its
 * specification); and transcendental functions except at arguments where their specification
 * gives an exact value ({@code exp(0) = 1}, {@code sin(0) = 0}, ...). {@code sqrt}, {@code abs},
 * {@code floor}, {@code ceil}, {@code sign}, {@code clip} are always folded. A fold whose result
 * is infinite or NaN is not done, so such values never become literals the code generator has to
 * print.
 *
 * <p><b>Identities</b> of {@link #exact()}: {@code x+0, 0+x, x-0, x*1, 1*x, x/1, x**1 -> x},
 * {@code x*-1, -1*x, x/-1 -> -x}, {@code x**0 -> 1}, {@code x+(-y) -> x-y}, {@code x-(-y) -> x+y},
 * {@code --x -> x}, {@code (-a)*b, a*(-b) -> -(a*b)} (and for {@code /}), {@code not not b -> b},
 * and {@code and}/{@code or} with a literal operand.
 * Each is exact in IEEE arithmetic with one caveat: {@code x+0 -> x} keeps {@code -0.0} where the
 * sum would give {@code +0.0}. An identity applies only if it keeps the node's type (so
 * {@code i*1.0} with an INT {@code i} stays) and never drops a subtree that draws random numbers.
 *
 * <p>{@link #symbolic()} adds {@code 0*x, x*0, 0/x -> 0} and {@code 0-x -> -x}, which are wrong
 * for infinite or NaN {@code x}; it is meant for derivatives and linear coefficients, where these
 * zeros are structural, as in any computer algebra system.
 */
public final class Simplifier {

    private static final double INT_LIMIT = 0x1p31;

    private final boolean eliminateZeroProducts;

    private Simplifier(boolean eliminateZeroProducts) {
        this.eliminateZeroProducts = eliminateZeroProducts;
    }

    /** Folding and identities that cannot change any result. */
    public static Simplifier exact() {
        return new Simplifier(false);
    }

    /** {@link #exact()} plus the elimination of zero products, for symbolic work. */
    public static Simplifier symbolic() {
        return new Simplifier(true);
    }

    public Expr simplify(Expr e) {
        if (e instanceof Expr.Unary u) {
            return unary(u.op(), simplify(u.operand()));
        }
        if (e instanceof Expr.Binary b) {
            return binary(b.op(), simplify(b.left()), simplify(b.right()));
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>(c.args().size());
            for (Expr a : c.args()) {
                args.add(simplify(a));
            }
            return call(new Expr.Call(c.fn(), args, c.site()));
        }
        return e;
    }

    private Expr unary(Op op, Expr operand) {
        Expr.Unary node = new Expr.Unary(op, operand);
        if (isLiteral(operand)) {
            return fold(node);
        }
        if (operand instanceof Expr.Unary inner && inner.op() == op) {
            // --x and not not b; the type check keeps `not not 5` (a bool) from becoming 5
            if (inner.operand().type() == node.type()) {
                return inner.operand();
            }
        }
        return node;
    }

    private Expr binary(Op op, Expr l, Expr r) {
        Expr.Binary node = new Expr.Binary(op, l, r);
        if (isLiteral(l) && isLiteral(r)) {
            Expr folded = fold(node);
            if (folded != node) {
                return folded;
            }
        }
        ValueType type = node.type();
        switch (op) {
            case ADD -> {
                if (isZero(r) && l.type() == type) {
                    return l;
                }
                if (isZero(l) && r.type() == type) {
                    return r;
                }
                if (isNegation(r)) {
                    return binary(Op.SUB, l, negated(r));
                }
            }
            case SUB -> {
                if (isZero(r) && l.type() == type) {
                    return l;
                }
                if (isNegation(r)) {
                    return binary(Op.ADD, l, negated(r));
                }
                if (eliminateZeroProducts && isZero(l) && r.type() == type) {
                    return unary(Op.NEG, r);
                }
            }
            case MUL -> {
                if (eliminateZeroProducts && (isZero(l) && !RandomCalls.in(r) || isZero(r) && !RandomCalls.in(l))) {
                    return zero(type);
                }
                if (isNegation(l) && !isValue(l, -1) || isNegation(r) && !isValue(r, -1)) {
                    return pullNegation(op, l, r);
                }
                if (isValue(r, 1) && l.type() == type) {
                    return l;
                }
                if (isValue(l, 1) && r.type() == type) {
                    return r;
                }
                if (isValue(r, -1) && l.type() == type) {
                    return unary(Op.NEG, l);
                }
                if (isValue(l, -1) && r.type() == type) {
                    return unary(Op.NEG, r);
                }
            }
            case DIV -> {
                if (eliminateZeroProducts && isZero(l) && !RandomCalls.in(r)) {
                    return zero(type);
                }
                if (isNegation(l) || isNegation(r) && !isValue(r, -1)) {
                    return pullNegation(op, l, r);
                }
                if (isValue(r, 1) && l.type() == type) {
                    return l;
                }
                if (isValue(r, -1) && l.type() == type) {
                    return unary(Op.NEG, l);
                }
            }
            case POW -> {
                if (isValue(r, 1) && l.type() == type) {
                    return l; // Math.pow(x, 1) is x by specification
                }
                if (isValue(r, 0) && !RandomCalls.in(l)) {
                    return type == ValueType.INT ? Expr.Num.ofInt(1) : Expr.Num.of(1.0); // even for NaN
                }
            }
            case AND, OR -> {
                return logical(node);
            }
            default -> {
            }
        }
        return node;
    }

    /**
     * {@code (-a)*b, a*(-b) -> -(a*b)} and likewise for {@code /}: IEEE multiplication and division
     * round symmetrically, so this is exact, and it exposes {@code x - -(y) -> x + y}. A negative
     * literal counts as a negation. Only when the types stay as they are.
     */
    private Expr pullNegation(Op op, Expr l, Expr r) {
        Expr a = isNegation(l) ? negated(l) : l;
        Expr b = isNegation(r) ? negated(r) : r;
        boolean odd = isNegation(l) != isNegation(r);
        Expr.Binary inner = new Expr.Binary(op, a, b);
        if (inner.type() != new Expr.Binary(op, l, r).type()) {
            return new Expr.Binary(op, l, r);
        }
        Expr product = binary(op, a, b);
        return odd ? unary(Op.NEG, product) : product;
    }

    /** {@code and}/{@code or} with a literal operand; Java and Python both short-circuit. */
    private static Expr logical(Expr.Binary node) {
        boolean isAnd = node.op() == Op.AND;
        Expr l = node.left();
        Expr r = node.right();
        if (l instanceof Expr.Bool b) {
            // `True and x` is x, `False and x` is False without evaluating x
            if (b.value() == isAnd) {
                return r.type() == ValueType.BOOL ? r : node;
            }
            return b;
        }
        if (r instanceof Expr.Bool b && l.type() == ValueType.BOOL) {
            if (b.value() == isAnd) {
                return l; // x and True, x or False
            }
            return RandomCalls.in(l) ? node : b; // x is evaluated at run time, so keep it if it draws
        }
        return node;
    }

    private Expr call(Expr.Call c) {
        if (c.fn().isRandom()) {
            return c;
        }
        for (Expr a : c.args()) {
            if (!isLiteral(a)) {
                return c;
            }
        }
        if (!foldable(c)) {
            return c;
        }
        return fold(c);
    }

    private static boolean foldable(Expr.Call c) {
        double x = value(c.args().get(0));
        return switch (c.fn()) {
            case SQRT, ABS, SIGN, FLOOR, CEIL, CLIP -> true;
            case INT -> Math.abs(x) < INT_LIMIT;
            case EXP -> x == 0;
            case EXPREL -> Math.abs(x) < 1e-16 || x > 717;
            case SIN, TAN, SINH, TANH, ARCSIN, ARCTAN, EXPM1, LOG1P -> x == 0;
            case LOG -> x == 1;
            default -> false;
        };
    }

    /** Evaluates a node whose operands are literals; returns it unchanged if that would not be exact. */
    private static Expr fold(Expr node) {
        if (node instanceof Expr.Binary b) {
            if ((b.op() == Op.FLOOR_DIV || b.op() == Op.MOD) && isZero(b.right())) {
                return node;
            }
            if (b.op() == Op.POW && !exactPower(b)) {
                return node;
            }
        }
        Evaluator evaluator = new Evaluator(Map.of());
        try {
            return switch (node.type()) {
                case BOOL -> new Expr.Bool(evaluator.truth(node));
                case INT -> {
                    long value = evaluator.integer(node);
                    yield Math.abs((double) value) < INT_LIMIT ? Expr.Num.ofInt(value) : node;
                }
                case DOUBLE -> {
                    double value = evaluator.number(node);
                    yield Double.isFinite(value) ? Expr.Num.of(value) : node; // keeps inf/NaN out of printed literals
                }
            };
        } catch (ArithmeticException e) {
            return node; // e.g. integer division by zero: leave it for the run-time error
        }
    }

    private static boolean exactPower(Expr.Binary b) {
        double base = value(b.left());
        double exponent = value(b.right());
        if (exponent == 0 || exponent == 1) {
            return true;
        }
        if (base != Math.rint(base) || exponent != Math.rint(exponent) || exponent < 0) {
            return false;
        }
        double result = Math.pow(base, exponent);
        return Math.abs(result) <= 0x1p53; // representable integers are exact by Math.pow's contract
    }

    private static boolean isLiteral(Expr e) {
        return e instanceof Expr.Num || e instanceof Expr.Bool;
    }

    private static double value(Expr literal) {
        return literal instanceof Expr.Num n ? n.value() : ((Expr.Bool) literal).value() ? 1 : 0;
    }

    /** A numeric literal zero of either sign. */
    private static boolean isZero(Expr e) {
        return e instanceof Expr.Num n && n.value() == 0;
    }

    private static boolean isValue(Expr e, double v) {
        return e instanceof Expr.Num n && n.value() == v;
    }

    /** A unary minus or a negative literal: something whose negation is exact and simpler. */
    private static boolean isNegation(Expr e) {
        return e instanceof Expr.Unary u && u.op() == Op.NEG && u.operand().type() == e.type()
                || e instanceof Expr.Num n && n.value() < 0;
    }

    private static Expr negated(Expr e) {
        if (e instanceof Expr.Num n) {
            return new Expr.Num(-n.value(), n.type());
        }
        return ((Expr.Unary) e).operand();
    }

    private static Expr zero(ValueType type) {
        return type == ValueType.INT ? Expr.Num.ofInt(0) : Expr.Num.of(0.0);
    }
}

package dev.myelin.compiler.expr;

import java.util.List;

/**
 * Symbolic partial derivatives, {@code d expr / d name}. The variable is matched by name only (any
 * kind), since derivatives are taken with respect to state variables of one group.
 *
 * <p>A subexpression that does not mention the variable has derivative 0, whatever it is (so
 * {@code int(not_refractory)} or {@code rand()} are fine as factors). One that does mention it
 * through a piecewise-constant or discontinuous operation (comparisons, {@code and}/{@code or}/
 * {@code not}, {@code //}, {@code %}, {@code floor}, {@code ceil}, {@code int}, {@code sign},
 * {@code clip}) raises {@link NotDifferentiableException} rather than answering 0: callers use
 * derivatives to decide linearity, and {@code floor(v)} is not linear in {@code v}.
 *
 * <p>The result is simplified with {@link Simplifier#symbolic()}.
 */
public final class Derivative {

    private static final Expr ZERO = Expr.num(0.0);
    private static final Expr ONE = Expr.num(1.0);
    private static final Expr TWO = Expr.Num.ofInt(2);
    private static final double LN10 = Math.log(10.0);

    private final String variable;

    private Derivative(String variable) {
        this.variable = variable;
    }

    /** {@code d e / d variable}, simplified. */
    public static Expr of(Expr e, String variable) {
        return Simplifier.symbolic().simplify(new Derivative(variable).raw(e));
    }

    private boolean depends(Expr e) {
        return FreeVariables.references(e, variable);
    }

    private Expr raw(Expr e) {
        if (!depends(e)) {
            return ZERO;
        }
        if (e instanceof Expr.Var) {
            return ONE;
        }
        if (e instanceof Expr.Unary u) {
            if (u.op() == Op.NOT) {
                throw new NotDifferentiableException(e, "a logical operation has no derivative");
            }
            return Expr.neg(raw(u.operand()));
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        return call((Expr.Call) e);
    }

    private Expr binary(Expr.Binary b) {
        Expr l = b.left();
        Expr r = b.right();
        return switch (b.op()) {
            case ADD -> Expr.add(raw(l), raw(r));
            case SUB -> Expr.sub(raw(l), raw(r));
            case MUL -> {
                if (!depends(l)) {
                    yield Expr.mul(l, raw(r));
                }
                if (!depends(r)) {
                    yield Expr.mul(raw(l), r);
                }
                yield Expr.add(Expr.mul(raw(l), r), Expr.mul(l, raw(r)));
            }
            case DIV -> {
                if (!depends(r)) {
                    yield Expr.div(raw(l), r);
                }
                Expr squared = new Expr.Binary(Op.POW, r, TWO);
                if (!depends(l)) {
                    yield Expr.neg(Expr.div(Expr.mul(l, raw(r)), squared));
                }
                yield Expr.div(Expr.sub(Expr.mul(raw(l), r), Expr.mul(l, raw(r))), squared);
            }
            case POW -> power(l, r);
            case FLOOR_DIV -> throw new NotDifferentiableException(b, "floor division is piecewise constant");
            case MOD -> throw new NotDifferentiableException(b, "the modulo operation is discontinuous");
            default -> throw new NotDifferentiableException(b,
                    (b.op().isLogical() ? "a logical operation" : "a comparison") + " has no derivative");
        };
    }

    /** {@code d(u**w)}: the power rule when the exponent is constant, the general rule otherwise. */
    private Expr power(Expr u, Expr w) {
        Expr pow = new Expr.Binary(Op.POW, u, w);
        if (!depends(w)) {
            Expr one = w.type() == ValueType.DOUBLE ? ONE : Expr.Num.ofInt(1);
            Expr lowered = new Expr.Binary(Op.POW, u, Expr.sub(w, one));
            return Expr.mul(Expr.mul(w, lowered), raw(u));
        }
        Expr log = Expr.Call.of(Function.LOG, u);
        if (!depends(u)) {
            return Expr.mul(Expr.mul(pow, log), raw(w));
        }
        return Expr.mul(pow, Expr.add(Expr.mul(raw(w), log), Expr.div(Expr.mul(w, raw(u)), u)));
    }

    private Expr call(Expr.Call c) {
        List<Expr> args = c.args();
        Expr u = args.get(0);
        Expr outer = switch (c.fn()) {
            case EXP, EXPM1 -> Expr.Call.of(Function.EXP, u);
            case LOG -> Expr.div(ONE, u);
            case LOG10 -> Expr.div(ONE, Expr.mul(u, Expr.num(LN10)));
            case SQRT -> Expr.div(ONE, Expr.mul(TWO, Expr.Call.of(Function.SQRT, u)));
            case SIN -> Expr.Call.of(Function.COS, u);
            case COS -> Expr.neg(Expr.Call.of(Function.SIN, u));
            case TAN -> Expr.div(ONE, new Expr.Binary(Op.POW, Expr.Call.of(Function.COS, u), TWO));
            case SINH -> Expr.Call.of(Function.COSH, u);
            case COSH -> Expr.Call.of(Function.SINH, u);
            case TANH -> Expr.sub(ONE, new Expr.Binary(Op.POW, Expr.Call.of(Function.TANH, u), TWO));
            case ARCSIN -> Expr.div(ONE, Expr.Call.of(Function.SQRT, Expr.sub(ONE, new Expr.Binary(Op.POW, u, TWO))));
            case ARCCOS -> Expr.neg(Expr.div(ONE,
                    Expr.Call.of(Function.SQRT, Expr.sub(ONE, new Expr.Binary(Op.POW, u, TWO)))));
            case ARCTAN -> Expr.div(ONE, Expr.add(ONE, new Expr.Binary(Op.POW, u, TWO)));
            case ABS -> Expr.Call.of(Function.SIGN, u); // not differentiable at 0 itself; fine for linearity tests
            case EXPREL -> PhiFunctions.exprelDerivative(u);
            case LOG1P -> Expr.div(ONE, Expr.add(ONE, u));
            case SIGN, FLOOR, CEIL, INT -> throw new NotDifferentiableException(c, c.fn().brianName + " is piecewise constant");
            case CLIP -> throw new NotDifferentiableException(c, "clip has a kink at each bound");
            case RAND, RANDN -> throw new IllegalStateException("random functions take no arguments");
            case TABLE -> throw new NotDifferentiableException(c, "a timed array is piecewise constant");
            case DECAY, DECAY_STEPS, DECAY_SINCE -> throw new IllegalStateException("event-driven decays are made after integration");
        };
        return Expr.mul(outer, raw(u));
    }
}

package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.runtime.MathFunctions;
import dev.myelin.runtime.units.Dimension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Types an expression: resolves names in a {@link Scope}, infers and checks physical dimensions
 * as Brian2 does, and folds what is known at compile time (numbers, units, consts) to SI values.
 */
final class ExpressionChecker {

    private final Diagnostics diagnostics;
    private final RandomSites randomSites;

    ExpressionChecker(Diagnostics diagnostics, RandomSites randomSites) {
        this.diagnostics = diagnostics;
        this.randomSites = randomSites;
    }

    Typed check(Expression e, Scope scope) {
        if (e instanceof Expression.NumberLit n) return number(n, scope);
        if (e instanceof Expression.BoolLit b) return new Typed(new Expr.Bool(b.value()), Dimension.DIMENSIONLESS);
        if (e instanceof Expression.Name n) return name(n, scope);
        if (e instanceof Expression.Call c) return call(c, scope);
        if (e instanceof Expression.Unary u) return unary(u, scope);
        if (e instanceof Expression.Binary b) return binary(b, scope);
        diagnostics.error(e.span(), "a list of values is not allowed here",
                "lists set one value per neuron: 'G.x = [1, 2, 3]' or 'init x = [1, 2, 3]'");
        return Typed.INVALID;
    }

    private Typed number(Expression.NumberLit n, Scope scope) {
        Expr value = n.integral() && n.unit().isEmpty() && Math.abs(n.value()) < 1L << 53
                ? Expr.Num.ofInt((long) n.value()) : Expr.num(n.value());
        if (n.unit().isEmpty()) return new Typed(value, Dimension.DIMENSIONLESS);
        String unitName = n.unit().get().text();
        var unit = scope.unit(unitName);
        if (unit.isEmpty()) {
            diagnostics.error(n.unit().get().span(), "unknown unit '" + unitName + "'",
                    "write a Brian2 unit such as mV, ms, nA, nS, pF, Hz, or multiply explicitly: '5*" + unitName + "'");
            return Typed.INVALID;
        }
        return new Typed(Expr.num(n.value() * unit.get().scale()), unit.get().dimension());
    }

    private Typed name(Expression.Name n, Scope scope) {
        Optional<Symbol.Value> symbol = scope.resolve(n.name());
        if (symbol.isEmpty()) {
            Optional<Function> fn = Function.byName(n.name());
            if (fn.isPresent()) {
                diagnostics.error(n.span(), "'" + n.name() + "' is a function", "call it: '" + n.name() + "(...)'");
            } else {
                diagnostics.error(n.span(), "unknown name '" + n.name() + "'", unknownNameHelp(n.name(), scope));
            }
            return Typed.INVALID;
        }
        return new Typed(symbol.get().expr(), symbol.get().dimension());
    }

    private static String unknownNameHelp(String name, Scope scope) {
        if (scope.isGroupScope()) {
            return "declare it in the group's equations ('" + name + " : unit'), or at file level with 'const " + name + " = ...' or 'param " + name + " = ...'";
        }
        return "declare it before this line with 'const " + name + " = ...' or 'param " + name + " = ...'";
    }

    private Typed call(Expression.Call c, Scope scope) {
        String fname = c.function().text();
        Optional<Function> fn = Function.byName(fname);
        if (fn.isEmpty()) {
            diagnostics.error(c.function().span(), "unknown function '" + fname + "'",
                    "available: exp, log, log10, sqrt, sin, cos, tan, sinh, cosh, tanh, arcsin, arccos, arctan, abs, sign, floor, ceil, clip, int, exprel, expm1, log1p, rand, randn");
            return Typed.INVALID;
        }
        Function f = fn.get();
        if (c.args().size() != f.arity) {
            diagnostics.error(c.span(), fname + "() takes " + f.arity + " argument" + (f.arity == 1 ? "" : "s") + " but " + c.args().size() + (c.args().size() == 1 ? " was" : " were") + " given",
                    f.arity == 0 ? "write '" + fname + "()'" : "");
            return Typed.INVALID;
        }
        List<Typed> args = new ArrayList<>();
        boolean bad = false;
        for (Expression a : c.args()) {
            Typed t = check(a, scope);
            args.add(t);
            bad |= t.invalid();
        }
        if (bad) return Typed.INVALID;
        if (f.isRandom() && !scope.isGroupScope()) {
            diagnostics.error(c.span(), fname + "() draws one number per neuron and can only be used in group code",
                    "use it in equations, thresholds, resets or per-neuron assignments like 'G.v = \\'rand()*mV\\''");
            return Typed.INVALID;
        }
        Dimension result;
        switch (f) {
            case RAND, RANDN -> {
                return new Typed(new Expr.Call(f, List.of(), randomSites.next()), Dimension.DIMENSIONLESS);
            }
            case SQRT -> {
                Optional<Dimension> root = args.get(0).dimension().sqrt();
                if (root.isEmpty()) {
                    diagnostics.error(c.args().get(0).span(), "sqrt() of a quantity in " + args.get(0).dimension() + " has no unit",
                            "the dimension under a square root must have even powers, e.g. metre**2");
                    return Typed.INVALID;
                }
                result = root.get();
            }
            case ABS, FLOOR, CEIL -> result = args.get(0).dimension();
            case SIGN -> result = Dimension.DIMENSIONLESS;
            case CLIP -> {
                Dimension d = args.get(0).dimension();
                for (int k = 1; k < 3; k++) {
                    if (!args.get(k).dimension().equals(d)) {
                        diagnostics.error(c.args().get(k).span(), "clip() bounds must have the unit of its first argument: this is "
                                + args.get(k).dimension() + ", the value is " + d, "give the bound in the same unit, e.g. '0*" + unitHint(d) + "'");
                        return Typed.INVALID;
                    }
                }
                result = d;
            }
            default -> {
                // exp, log, trigonometric, exprel, int, ...: Brian2 requires dimensionless arguments.
                if (!args.get(0).dimension().isDimensionless()) {
                    diagnostics.error(c.args().get(0).span(), fname + "() needs a dimensionless argument, but this is in " + args.get(0).dimension(),
                            "divide by a quantity of the same unit, e.g. " + fname + "(v/mV)");
                    return Typed.INVALID;
                }
                result = Dimension.DIMENSIONLESS;
            }
        }
        List<Expr> exprs = args.stream().map(Typed::expr).toList();
        return new Typed(fold(new Expr.Call(f, exprs, 0)), result);
    }

    private Typed unary(Expression.Unary u, Scope scope) {
        Typed operand = check(u.operand(), scope);
        if (operand.invalid()) return operand;
        if (u.op() == Op.NOT) {
            if (!operand.isBoolean()) {
                diagnostics.error(u.operand().span(), "'not' needs a condition (true or false), but this is a number in " + operand.dimension(),
                        "compare it first, e.g. 'not (v > Vt)'");
                return Typed.INVALID;
            }
            return new Typed(fold(new Expr.Unary(Op.NOT, operand.expr())), Dimension.DIMENSIONLESS);
        }
        return new Typed(fold(new Expr.Unary(Op.NEG, operand.expr())), operand.dimension());
    }

    private Typed binary(Expression.Binary b, Scope scope) {
        Typed l = check(b.left(), scope);
        Typed r = check(b.right(), scope);
        if (l.invalid() || r.invalid()) return Typed.INVALID;
        Op op = b.op();
        Dimension dim;
        switch (op) {
            case AND, OR -> {
                if (!isCondition(l, b.left(), op) || !isCondition(r, b.right(), op)) return Typed.INVALID;
                dim = Dimension.DIMENSIONLESS;
            }
            case ADD, SUB, MOD, LT, LE, GT, GE, EQ, NE -> {
                if (!l.dimension().equals(r.dimension())) {
                    String what = op.isComparison() ? "compare" : op == Op.MOD ? "take the remainder of" : (op == Op.ADD ? "add" : "subtract");
                    diagnostics.error(b.opSpan(), "cannot " + what + " quantities in different units: the left side is in "
                            + l.dimension() + ", the right side in " + r.dimension(),
                            "convert one side, e.g. multiply a plain number by its unit ('5*mV')");
                    return Typed.INVALID;
                }
                dim = op.isComparison() ? Dimension.DIMENSIONLESS : l.dimension();
            }
            case MUL -> dim = l.dimension().times(r.dimension());
            case DIV -> dim = l.dimension().divide(r.dimension());
            case FLOOR_DIV -> {
                if (!l.dimension().isDimensionless() || !r.dimension().isDimensionless()) {
                    diagnostics.error(b.opSpan(), "'//' needs dimensionless values on both sides, but they are in " + l.dimension() + " and " + r.dimension(),
                            "divide by units first, e.g. '(t/ms) // 10'");
                    return Typed.INVALID;
                }
                dim = Dimension.DIMENSIONLESS;
            }
            case POW -> {
                if (!r.dimension().isDimensionless()) {
                    diagnostics.error(b.right().span(), "an exponent must be dimensionless, but this is in " + r.dimension(), "");
                    return Typed.INVALID;
                }
                if (l.dimension().isDimensionless()) {
                    dim = Dimension.DIMENSIONLESS;
                } else {
                    if (!r.isConstant() || r.constantValue() != Math.rint(r.constantValue())) {
                        diagnostics.error(b.right().span(), "a quantity in " + l.dimension() + " can only be raised to a constant whole number",
                                "make the base dimensionless, e.g. (v/mV)**" + "x");
                        return Typed.INVALID;
                    }
                    dim = l.dimension().power((int) r.constantValue());
                }
            }
            default -> throw new IllegalStateException("not a binary operator: " + op);
        }
        return new Typed(fold(new Expr.Binary(op, l.expr(), r.expr())), dim);
    }

    private boolean isCondition(Typed t, Expression at, Op op) {
        if (t.isBoolean()) return true;
        diagnostics.error(at.span(), "'" + op.symbol + "' needs conditions on both sides, but this is a number",
                "compare it, e.g. 'v > Vt " + op.symbol + " t > 50*ms'");
        return false;
    }

    static String unitHint(Dimension d) {
        String name = d.toString();
        return name.matches("[a-z]+") ? name : "unit";
    }

    // ── compile-time folding (same arithmetic as the generated Java) ──

    static Expr fold(Expr e) {
        if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Num n && u.op() == Op.NEG) return new Expr.Num(-n.value(), n.type());
        if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Bool b && u.op() == Op.NOT) return new Expr.Bool(!b.value());
        if (e instanceof Expr.Binary b && b.left() instanceof Expr.Num l && b.right() instanceof Expr.Num r) return foldNumbers(b, l, r);
        if (e instanceof Expr.Call c && !c.fn().isRandom() && c.args().stream().allMatch(a -> a instanceof Expr.Num)) return foldCall(c);
        return e;
    }

    private static Expr foldNumbers(Expr.Binary b, Expr.Num l, Expr.Num r) {
        double x = l.value(), y = r.value();
        boolean ints = b.type() == ValueType.INT;
        return switch (b.op()) {
            case ADD -> new Expr.Num(x + y, b.type());
            case SUB -> new Expr.Num(x - y, b.type());
            case MUL -> new Expr.Num(x * y, b.type());
            case DIV -> Expr.num(x / y);
            case FLOOR_DIV -> ints && y != 0 ? Expr.Num.ofInt(MathFunctions.floorDiv((long) x, (long) y)) : Expr.num(MathFunctions.floorDiv(x, y));
            case MOD -> ints && y != 0 ? Expr.Num.ofInt(MathFunctions.mod((long) x, (long) y)) : Expr.num(MathFunctions.mod(x, y));
            case POW -> ints && y >= 0 ? new Expr.Num(Math.pow(x, y), ValueType.INT) : Expr.num(Math.pow(x, y));
            case LT -> new Expr.Bool(x < y);
            case LE -> new Expr.Bool(x <= y);
            case GT -> new Expr.Bool(x > y);
            case GE -> new Expr.Bool(x >= y);
            case EQ -> new Expr.Bool(x == y);
            case NE -> new Expr.Bool(x != y);
            default -> b;
        };
    }

    private static Expr foldCall(Expr.Call c) {
        double x = ((Expr.Num) c.args().get(0)).value();
        double v = switch (c.fn()) {
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
            case SIGN -> MathFunctions.sign(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case CLIP -> MathFunctions.clip(x, ((Expr.Num) c.args().get(1)).value(), ((Expr.Num) c.args().get(2)).value());
            case INT -> MathFunctions.intTrunc(x);
            case EXPREL -> MathFunctions.exprel(x);
            case EXPM1 -> Math.expm1(x);
            case LOG1P -> Math.log1p(x);
            default -> Double.NaN;
        };
        return new Expr.Num(v, c.type());
    }

    /** Hands out call-site numbers for random functions, unique within one compilation. */
    static final class RandomSites {
        private int next = 1;

        int next() {
            return next++;
        }
    }
}

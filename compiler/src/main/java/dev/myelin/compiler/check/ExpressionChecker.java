package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Function;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.RuntimeSemantics;
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
        if (e instanceof Expression.FileRef f) {
            diagnostics.error(f.span(), "a file cannot be used here", "a file of values can be assigned to a variable: 'init w = \'" + f.path() + "\'' or 'S.w = \'" + f.path() + "\''");
            return Typed.INVALID;
        }
        if (e instanceof Expression.Dotted d) {
            // A sample of a data-set loop: sample.pixels, sample.label, sample.index.
            Optional<Symbol.Value> member = scope.resolve(d.object().text() + "." + d.member().text());
            if (member.isPresent()) return new Typed(member.get().expr(), member.get().dimension());
            diagnostics.error(d.span(), "'" + d.object().text() + "." + d.member().text() + "' cannot be used here",
                    "inside a group's code, refer to its variables by name; use 'object.variable' only in save statements");
            return Typed.INVALID;
        }
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
            SourceSpan at = n.unit().get().span();
            if (scope.resolve(unitName).isPresent()) {
                diagnostics.error(at, "'" + unitName + "' is not a unit, so it cannot follow a number",
                        "to multiply by it, write '" + n.text() + "*" + unitName + "'");
            } else {
                diagnostics.error(at, "unknown unit '" + unitName + "'",
                        Wording.didYouMean(unitName, Wording.unitCandidates(scope.unitNames(), unitName), "write a Brian2 unit such as mV, ms, nA, nS, pF or Hz"));
            }
            return Typed.INVALID;
        }
        if (n.unitPower() == 1) return new Typed(Expr.num(n.value() * unit.get().scale()), unit.get().dimension());
        if (n.unitPower() == Expression.NumberLit.NOT_WHOLE) {
            diagnostics.error(n.span(), "a unit can only be raised to a whole number", "write e.g. '" + n.text() + " " + unitName + "**2'");
            return Typed.INVALID;
        }
        // As Python computes 20*um**2: the unit's power first, then the product.
        return new Typed(Expr.num(n.value() * Math.pow(unit.get().scale(), n.unitPower())), unit.get().dimension().power(n.unitPower()));
    }

    private Typed name(Expression.Name n, Scope scope) {
        Optional<Symbol.Value> symbol = scope.resolve(n.name());
        if (symbol.isEmpty()) {
            String name = n.name();
            Optional<Function> fn = Function.byName(name);
            if (fn.isPresent()) {
                diagnostics.error(n.span(), "'" + name + "' is a function, not a value", "call it: '" + signature(fn.get()) + "'");
            } else if (Scope.isNoiseName(name)) {
                diagnostics.error(n.span(), "'" + name + "' is Brian2's noise term and can only appear in the right-hand side of a differential equation",
                        "write it into the equation itself, e.g. 'dv/dt = (El - v)/tau + sigma*sqrt(2/tau)*" + name + " : volt'");
            } else if (scope.isGroupScope() && (name.equals("lastspike") || name.equals("not_refractory"))) {
                diagnostics.error(n.span(), "'" + name + "' exists only in a group with a refractory period",
                        "add a refractory period to the group, e.g. 'refractory 5 ms'");
            } else {
                diagnostics.error(n.span(), "unknown name '" + name + "'", unknownNameHelp(name, scope));
            }
            return Typed.INVALID;
        }
        return new Typed(symbol.get().expr(), symbol.get().dimension());
    }

    private static String unknownNameHelp(String name, Scope scope) {
        Optional<String> near = Wording.closest(name, scope.declaredNames());
        if (near.isEmpty()) {
            // A unit written in the wrong case (mv, MS) is a common slip.
            near = scope.unitNames().stream().filter(u -> u.equalsIgnoreCase(name)).findFirst();
        }
        if (near.isPresent()) return "did you mean '" + near.get() + "'?";
        if (scope.isGroupScope()) {
            return "declare it in the group's equations ('" + name + " : unit'), or at file level with 'const " + name + " = ...' or 'param " + name + " = ...'";
        }
        return "declare it before this line with 'const " + name + " = ...' or 'param " + name + " = ...'";
    }

    /** How a call of {@code f} is written, e.g. {@code exp(x)}, {@code clip(x, low, high)}. */
    static String signature(Function f) {
        return switch (f.arity) {
            case 0 -> f.brianName + "()";
            case 1 -> f.brianName + "(x)";
            case 3 -> f.brianName + "(x, low, high)";
            default -> f.brianName + "(x, y)";
        };
    }

    private Typed call(Expression.Call c, Scope scope) {
        String fname = c.function().text();
        Optional<dev.myelin.compiler.model.TimedArray> table = scope.table(fname);
        if (table.isPresent()) return tableCall(c, table.get(), scope);
        Optional<Function> fn = Function.byName(fname);
        if (fn.isEmpty()) {
            List<String> names = java.util.Arrays.stream(Function.values()).map(f -> f.brianName).toList();
            diagnostics.error(c.function().span(), "unknown function '" + fname + "'",
                    Wording.didYouMean(fname, names, "the functions are: " + String.join(", ", names)));
            return Typed.INVALID;
        }
        Function f = fn.get();
        if (c.args().size() != f.arity) {
            String takes = f.arity == 0 ? "no arguments" : f.arity == 1 ? "one argument" : f.arity + " arguments";
            diagnostics.error(c.span(), fname + "() takes " + takes + " but " + c.args().size() + (c.args().size() == 1 ? " was" : " were") + " given",
                    "write '" + signature(f) + "'");
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
                    "use it in a group's equations, threshold or reset, or in a quoted value such as G.v = 'rand()*mV'");
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
                    Expression arg = c.args().get(0);
                    boolean unitOnly = arg instanceof Expression.Name n && scope.unit(n.name()).isPresent();
                    diagnostics.error(arg.span(), "the square root of a quantity in " + args.get(0).dimension()
                                    + " would raise a unit to a quarter power, which Myelin cannot represent",
                            unitOnly ? "rewrite the expression so that no unit appears under two square roots"
                                    : "take the root of a dimensionless value, e.g. 'sqrt(" + Wording.operand(arg.span()) + "/"
                                    + Wording.exampleUnit(args.get(0).dimension()) + ")'");
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
                        diagnostics.error(c.args().get(k).span(), "the bounds of clip() must be in the unit of its first argument, which "
                                + Wording.is(d) + ", but this bound " + Wording.is(args.get(k).dimension()),
                                "give the bound " + (d.isDimensionless() ? "without a unit" : "in " + d) + ", e.g. '"
                                        + Wording.example(args.get(k).isConstant() && args.get(k).dimension().isDimensionless()
                                        ? Wording.text(c.args().get(k).span()) : "0", d) + "'");
                        return Typed.INVALID;
                    }
                }
                result = d;
            }
            default -> {
                // exp, log, trigonometric, exprel, int, ...: Brian2 requires dimensionless arguments.
                if (!args.get(0).dimension().isDimensionless()) {
                    diagnostics.error(c.args().get(0).span(), fname + "() needs a dimensionless argument, but this is in " + args.get(0).dimension(),
                            "divide by a unit or by a quantity in " + args.get(0).dimension() + ", e.g. '" + fname + "("
                                    + Wording.operand(c.args().get(0).span()) + "/" + Wording.exampleUnit(args.get(0).dimension()) + ")'");
                    return Typed.INVALID;
                }
                result = Dimension.DIMENSIONLESS;
            }
        }
        List<Expr> exprs = args.stream().map(Typed::expr).toList();
        return new Typed(fold(new Expr.Call(f, exprs, 0)), result);
    }

    /** {@code stim(t)} or {@code stim(t, i)}: a lookup in a timed array, never folded. */
    private Typed tableCall(Expression.Call c, dev.myelin.compiler.model.TimedArray table, Scope scope) {
        String name = table.name();
        int arity = table.twoDimensional() ? 2 : 1;
        String how = table.twoDimensional() ? name + "(t, i)" : name + "(t)";
        if (c.args().size() != arity) {
            diagnostics.error(c.span(), "timed array " + name + " is " + (arity == 2 ? "2-D" : "1-D") + ", so it takes " + (arity == 2 ? "two arguments" : "one argument"),
                    "write '" + how + "'");
            return Typed.INVALID;
        }
        if (!scope.isGroupScope()) {
            diagnostics.error(c.span(), "a timed array can only be called in group code", "call it in equations, e.g. 'I = " + how + " : amp'");
            return Typed.INVALID;
        }
        Typed time = check(c.args().get(0), scope);
        Typed index = arity == 2 ? check(c.args().get(1), scope) : null;
        if (time.invalid() || (index != null && index.invalid())) return Typed.INVALID;
        if (time.isBoolean() || !time.dimension().equals(Scope.SECOND)) {
            diagnostics.error(c.args().get(0).span(), "the first argument of " + name + " is a time, but this " + Wording.is(time.dimension()), "write '" + how + "'");
            return Typed.INVALID;
        }
        if (index != null && (index.isBoolean() || !index.dimension().isDimensionless() || index.expr().type() != ValueType.INT)) {
            diagnostics.error(c.args().get(1).span(), "the second argument of " + name + " is a neuron index, a whole number", "write '" + how + "'");
            return Typed.INVALID;
        }
        List<Expr> args = index == null ? List.of(time.expr()) : List.of(time.expr(), index.expr());
        return new Typed(new Expr.Call(Function.TABLE, args, table.index()), table.dimension());
    }

    private Typed unary(Expression.Unary u, Scope scope) {
        Typed operand = check(u.operand(), scope);
        if (operand.invalid()) return operand;
        if (u.op() == Op.NOT) {
            if (!operand.isBoolean()) {
                diagnostics.error(u.operand().span(), "'not' needs a condition (true or false), but this is a number "
                                + (operand.dimension().isDimensionless() ? "without unit" : "in " + operand.dimension()),
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
                    differentUnits(b, l, r);
                    return Typed.INVALID;
                }
                dim = op.isComparison() ? Dimension.DIMENSIONLESS : l.dimension();
            }
            case MUL -> dim = l.dimension().times(r.dimension());
            case DIV -> dim = l.dimension().divide(r.dimension());
            case FLOOR_DIV -> {
                if (!l.dimension().isDimensionless() || !r.dimension().isDimensionless()) {
                    String sides = !l.dimension().isDimensionless() && !r.dimension().isDimensionless()
                            ? "the left side is in " + l.dimension() + " and the right side in " + r.dimension()
                            : !l.dimension().isDimensionless() ? "the left side is in " + l.dimension() : "the right side is in " + r.dimension();
                    Expression side = !l.dimension().isDimensionless() ? b.left() : b.right();
                    Dimension unit = !l.dimension().isDimensionless() ? l.dimension() : r.dimension();
                    diagnostics.error(b.opSpan(), "'//' (floor division) needs dimensionless values, but " + sides,
                            "divide by a unit first, e.g. '" + Wording.operand(side.span()) + "/" + Wording.exampleUnit(unit) + "'");
                    return Typed.INVALID;
                }
                dim = Dimension.DIMENSIONLESS;
            }
            case POW -> {
                if (!r.dimension().isDimensionless()) {
                    diagnostics.error(b.right().span(), "an exponent must be dimensionless, but this is in " + r.dimension(),
                            "divide the exponent by a unit, e.g. '" + Wording.operand(b.left().span()) + "**(" + Wording.text(b.right().span())
                                    + "/" + Wording.exampleUnit(r.dimension()) + ")'");
                    return Typed.INVALID;
                }
                if (l.dimension().isDimensionless()) {
                    dim = Dimension.DIMENSIONLESS;
                } else {
                    String base = Wording.operand(b.left().span());
                    boolean unitBase = b.left() instanceof Expression.Name n && scope.unit(n.name()).isPresent();
                    // Exponents may be whole or half-integer (tau**-0.5 for noise), as the dimension allows.
                    Optional<Dimension> raised = r.isConstant() ? l.dimension().power(r.constantValue()) : Optional.empty();
                    if (unitBase && raised.isEmpty()) {
                        diagnostics.error(b.right().span(), "'" + Wording.text(b.span()) + "' would raise a unit to a power Myelin cannot represent",
                                "raise units only to constant whole-number or half-integer powers, e.g. '" + base + "**2' or '" + base + "**-0.5'");
                        return Typed.INVALID;
                    }
                    if (raised.isEmpty()) {
                        diagnostics.error(b.right().span(), "a quantity in " + l.dimension() + " can only be raised to a constant whole-number or half-integer power",
                                "make the base dimensionless, e.g. '(" + base + "/" + Wording.exampleUnit(l.dimension()) + ")**"
                                        + Wording.text(b.right().span()) + "'");
                        return Typed.INVALID;
                    }
                    dim = raised.get();
                }
            }
            default -> throw new IllegalStateException("not a binary operator: " + op);
        }
        return new Typed(fold(new Expr.Binary(op, l.expr(), r.expr())), dim);
    }

    private boolean isCondition(Typed t, Expression at, Op op) {
        if (t.isBoolean()) return true;
        diagnostics.error(at.span(), "'" + op.symbol + "' needs conditions on both sides, but this is a number"
                        + (t.dimension().isDimensionless() ? "" : " in " + t.dimension()),
                "compare it, e.g. 'v > Vt " + op.symbol + " t > 50*ms'");
        return false;
    }

    /**
     * Both sides of +, -, %, or a comparison in different units. When one side is a plain number
     * next to a quantity ({@code v > 0}), the number is what to fix, so the caret goes there.
     */
    private void differentUnits(Expression.Binary b, Typed l, Typed r) {
        Op op = b.op();
        String what = op.isComparison() ? "compare" : op == Op.MOD ? "take the remainder of" : (op == Op.ADD ? "add" : "subtract");
        String sides = "the left side " + Wording.is(l.dimension()) + ", the right side " + Wording.is(r.dimension());
        boolean plainLeft = isPlainNumber(l, b.left());
        boolean plainRight = isPlainNumber(r, b.right());
        if (plainLeft != plainRight) {
            Expression number = plainLeft ? b.left() : b.right();
            Dimension unit = plainLeft ? r.dimension() : l.dimension();
            diagnostics.error(number.span(), "cannot " + what + " quantities in different units: " + sides,
                    "give the number a unit, e.g. '" + Wording.example(Wording.operand(number.span()), unit) + "'");
            return;
        }
        if (l.dimension().isDimensionless() != r.dimension().isDimensionless()) {
            Expression plain = l.dimension().isDimensionless() ? b.left() : b.right();
            Dimension unit = l.dimension().isDimensionless() ? r.dimension() : l.dimension();
            diagnostics.error(b.opSpan(), "cannot " + what + " quantities in different units: " + sides,
                    "give the dimensionless side a unit, e.g. '" + Wording.example(Wording.operand(plain.span()), unit) + "'");
            return;
        }
        if (l.dimension().isWhole() != r.dimension().isWhole()) {
            // Only the noise term brings half powers: its factor must include the root of a time.
            diagnostics.error(b.opSpan(), "cannot " + what + " quantities in different units: " + sides,
                    "the noise term xi is in second**-0.5, so its factor needs the square root of a time: e.g. 'sigma*sqrt(2/tau)*xi' or 'sigma*xi*tau**-0.5'");
            return;
        }
        diagnostics.error(b.opSpan(), "cannot " + what + " quantities in different units: " + sides,
                "both sides must be in the same unit; check the units of the names involved, or multiply or divide by a unit");
    }

    /** A number written without a unit: {@code 0}, {@code -65}. */
    private static boolean isPlainNumber(Typed t, Expression e) {
        Expression unsigned = e instanceof Expression.Unary u && u.op() == Op.NEG ? u.operand() : e;
        return t.dimension().isDimensionless() && unsigned instanceof Expression.NumberLit n && n.unit().isEmpty();
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

    /** The same functions the generated code calls, so a folded value equals the run-time one. */
    private static Expr foldCall(Expr.Call c) {
        double x = ((Expr.Num) c.args().get(0)).value();
        double v = c.fn() == Function.CLIP
                ? RuntimeSemantics.clip(x, ((Expr.Num) c.args().get(1)).value(), ((Expr.Num) c.args().get(2)).value())
                : RuntimeSemantics.apply(c.fn(), x);
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

package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Op;
import dev.myelin.runtime.units.Dimension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list of values known at compile time, as written for spike times and timed arrays:
 * {@code [1, 2, 3] * ms}, {@code [1*ms, 2*ms]}, {@code [0, 1] * nA / 2}. Values are in SI units.
 */
record ConstantList(List<Double> values, Dimension dimension, boolean integral) {

    static Optional<ConstantList> read(Expression e, ExpressionChecker expressions, Scope scope, Diagnostics diagnostics, String what) {
        if (e instanceof Expression.ListLit list) {
            List<Double> values = new ArrayList<>();
            Dimension dim = null;
            boolean integral = true;
            for (Expression item : list.items()) {
                Typed t = expressions.check(item, scope);
                if (t.invalid()) return Optional.empty();
                if (!t.isConstant() || t.isBoolean()) {
                    diagnostics.error(item.span(), "the values of " + what + " must be numbers known when the model is compiled",
                            "write numbers, consts and units, e.g. [1, 2, 3] * ms");
                    return Optional.empty();
                }
                if (dim != null && !dim.equals(t.dimension())) {
                    diagnostics.error(item.span(), "the values of " + what + " must all have the same unit, but this " + Wording.is(t.dimension())
                            + " and the first " + Wording.is(dim), "write the unit once after the list, e.g. [1, 2, 3] * ms");
                    return Optional.empty();
                }
                dim = t.dimension();
                integral &= t.expr().type() == dev.myelin.compiler.expr.ValueType.INT;
                values.add(t.constantValue());
            }
            return Optional.of(new ConstantList(values, dim == null ? Dimension.DIMENSIONLESS : dim, integral));
        }
        if (e instanceof Expression.Binary b && (b.op() == Op.MUL || b.op() == Op.DIV)) {
            boolean listLeft = b.left() instanceof Expression.ListLit || b.left() instanceof Expression.Binary;
            Expression listSide = listLeft ? b.left() : b.right();
            Expression scalarSide = listLeft ? b.right() : b.left();
            if (b.op() == Op.DIV && !listLeft) return notAList(e, diagnostics, what);
            Optional<ConstantList> inner = read(listSide, expressions, scope, diagnostics, what);
            if (inner.isEmpty()) return inner;
            Typed factor = expressions.check(scalarSide, scope);
            if (factor.invalid()) return Optional.empty();
            if (!factor.isConstant() || factor.isBoolean()) {
                diagnostics.error(scalarSide.span(), "the factor of " + what + " must be a number or unit known when the model is compiled",
                        "write e.g. [1, 2, 3] * ms");
                return Optional.empty();
            }
            double k = factor.constantValue();
            List<Double> values = new ArrayList<>();
            for (double v : inner.get().values()) values.add(b.op() == Op.MUL ? v * k : v / k);
            Dimension dim = b.op() == Op.MUL ? inner.get().dimension().times(factor.dimension()) : inner.get().dimension().divide(factor.dimension());
            boolean integral = inner.get().integral() && b.op() == Op.MUL && factor.expr().type() == dev.myelin.compiler.expr.ValueType.INT;
            return Optional.of(new ConstantList(values, dim, integral));
        }
        return notAList(e, diagnostics, what);
    }

    private static Optional<ConstantList> notAList(Expression e, Diagnostics diagnostics, String what) {
        diagnostics.error(e.span(), what + " is a list of values", "write e.g. [1, 2, 3] * ms");
        return Optional.empty();
    }
}

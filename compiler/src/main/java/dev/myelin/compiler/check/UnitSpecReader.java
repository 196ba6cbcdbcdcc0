package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.runtime.units.Dimension;

import java.util.Optional;

/** Reads the unit after an equation's colon: {@code volt}, {@code 1}, {@code metre**2}, {@code boolean}, {@code integer}. */
final class UnitSpecReader {

    record UnitSpec(Dimension dimension, ValueType type) {
    }

    private final Diagnostics diagnostics;
    private final Scope fileScope;

    UnitSpecReader(Diagnostics diagnostics, Scope fileScope) {
        this.diagnostics = diagnostics;
        this.fileScope = fileScope;
    }

    Optional<UnitSpec> read(Expression spec) {
        if (spec instanceof Expression.Name n && n.name().equals("boolean")) return Optional.of(new UnitSpec(Dimension.DIMENSIONLESS, ValueType.BOOL));
        if (spec instanceof Expression.Name n && n.name().equals("integer")) return Optional.of(new UnitSpec(Dimension.DIMENSIONLESS, ValueType.INT));
        return dimension(spec).map(d -> new UnitSpec(d, ValueType.DOUBLE));
    }

    private Optional<Dimension> dimension(Expression spec) {
        if (spec instanceof Expression.NumberLit n) {
            if (n.value() == 1) return Optional.of(Dimension.DIMENSIONLESS);
            diagnostics.error(n.span(), "'" + n.text() + "' is not a unit", "write 1 for a dimensionless variable, or a unit such as volt");
            return Optional.empty();
        }
        if (spec instanceof Expression.Name n) {
            var unit = fileScope.unit(n.name());
            if (unit.isEmpty()) {
                boolean bool = n.name().equalsIgnoreCase("bool") || n.name().equalsIgnoreCase("boolean");
                boolean integer = n.name().equalsIgnoreCase("int") || n.name().equalsIgnoreCase("integer");
                String fallback = "use a Brian2 unit name (volt, amp, siemens, farad, second, hertz, metre, ...), 1, boolean or integer";
                diagnostics.error(n.span(), "unknown unit '" + n.name() + "'",
                        bool ? "did you mean 'boolean'?" : integer ? "did you mean 'integer'?"
                                : Wording.didYouMean(n.name(), Wording.unitCandidates(fileScope.unitNames(), n.name()), fallback));
                return Optional.empty();
            }
            return Optional.of(unit.get().dimension());
        }
        if (spec instanceof Expression.Binary b && b.op() == Op.POW) {
            Optional<Dimension> base = dimension(b.left());
            double exponent = exponentValue(b.right());
            if (exponent * 2 != Math.rint(exponent * 2) || Math.abs(exponent) > 1000) {
                diagnostics.error(b.right().span(), "a unit can only be raised to a whole-number or half-integer power, such as 2, -1 or -0.5",
                        "write e.g. 'metre**2' or 'second**-0.5'");
                return Optional.empty();
            }
            if (base.isEmpty()) return Optional.empty();
            Optional<Dimension> raised = base.get().power(exponent);
            if (raised.isEmpty()) {
                diagnostics.error(b.span(), "'" + Wording.text(b.span()) + "' would raise a unit to a quarter power, which Myelin cannot represent",
                        "write the unit with whole-number or half-integer powers, e.g. 'second**-0.5'");
            }
            return raised;
        }
        if (spec instanceof Expression.Binary b && (b.op() == Op.MUL || b.op() == Op.DIV)) {
            Optional<Dimension> l = dimension(b.left());
            Optional<Dimension> r = dimension(b.right());
            if (l.isEmpty() || r.isEmpty()) return Optional.empty();
            return Optional.of(b.op() == Op.MUL ? l.get().times(r.get()) : l.get().divide(r.get()));
        }
        diagnostics.error(spec.span(), "this is not a unit", "write a unit such as volt, amp/metre**2 or 1");
        return Optional.empty();
    }

    private static double exponentValue(Expression e) {
        if (e instanceof Expression.NumberLit n) return n.value();
        if (e instanceof Expression.Unary u && u.operand() instanceof Expression.NumberLit n) return -n.value();
        return 1;
    }
}

package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.ast.Ident;
import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.Monitor;
import dev.myelin.compiler.model.ProtocolStep;
import dev.myelin.runtime.units.Dimension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks {@code save name = expr}. The expression refers to one object's variables as
 * {@code object.variable} (a group, synapses, or a spike monitor's {@code count}) and is evaluated
 * per element of that object; without such references it is a single value.
 */
final class SaveReader {

    private final Diagnostics diagnostics;
    private final ExpressionChecker expressions;
    private final Scope fileScope;
    private final Function<Ident, Assignable> objects;
    private final Function<String, Optional<Monitor.Spikes>> spikeMonitors;

    SaveReader(Diagnostics diagnostics, ExpressionChecker expressions, Scope fileScope, Function<Ident, Assignable> objects,
               Function<String, Optional<Monitor.Spikes>> spikeMonitors) {
        this.diagnostics = diagnostics;
        this.expressions = expressions;
        this.fileScope = fileScope;
        this.objects = objects;
        this.spikeMonitors = spikeMonitors;
    }

    Optional<ProtocolStep.Save> read(Item.Save save) {
        List<Expression.Dotted> refs = new ArrayList<>();
        for (Expression value : save.values()) collect(value, refs);
        String name = save.name().text();
        if (refs.isEmpty()) {
            List<Expr> values = new ArrayList<>();
            for (Expression value : save.values()) {
                Typed t = expressions.check(value, fileScope);
                if (t.invalid()) return Optional.empty();
                values.add(t.expr());
            }
            return Optional.of(new ProtocolStep.Save(name, "", ProtocolStep.OwnerKind.SCALAR, values, save.span()));
        }
        Ident object = refs.get(0).object();
        for (Expression.Dotted d : refs) {
            if (!d.object().text().equals(object.text())) {
                diagnostics.error(d.object().span(), "a saved value is computed from one object's variables, but this uses " + d.object().text()
                        + " and " + object.text(), "save them separately: 'save a = " + object.text() + "." + refs.get(0).member().text()
                        + "' and 'save b = " + d.object().text() + "." + d.member().text() + "'");
                return Optional.empty();
            }
        }
        Optional<Monitor.Spikes> monitor = spikeMonitors.apply(object.text());
        if (monitor.isPresent()) {
            for (Expression.Dotted d : refs) {
                if (!d.member().text().equals("count")) {
                    diagnostics.error(d.member().span(), "a spike monitor offers 'count' (spikes per neuron), not '" + d.member().text() + "'",
                            "write e.g. 'save spike_counts = " + object.text() + ".count'");
                    return Optional.empty();
                }
            }
            String owner = "$m$" + object.text();
            Map<String, Symbol.Value> names = new LinkedHashMap<>();
            names.put("count", new Symbol.Value(new Expr.Var("count", VarKind.ARRAY, ValueType.INT, owner), Dimension.DIMENSIONLESS, Symbol.Kind.PARAMETER, null));
            Scope scope = fileScope.forGroup(owner, names, n -> Optional.empty(), names.keySet());
            return checked(save, scope).map(values -> new ProtocolStep.Save(name, object.text(), ProtocolStep.OwnerKind.SPIKE_MONITOR, values, save.span()));
        }
        Assignable owner = objects.apply(object);
        if (owner == null) return Optional.empty();
        ProtocolStep.OwnerKind kind = owner.what().equals("group") ? ProtocolStep.OwnerKind.GROUP : ProtocolStep.OwnerKind.SYNAPSES;
        return checked(save, owner.scope()).map(values -> new ProtocolStep.Save(name, object.text(), kind, values, save.span()));
    }

    private Optional<List<Expr>> checked(Item.Save save, Scope scope) {
        List<Expr> out = new ArrayList<>();
        for (Expression value : save.values()) {
            Typed t = expressions.check(undotted(value), scope);
            if (t.invalid()) return Optional.empty();
            if (t.isBoolean()) {
                diagnostics.error(value.span(), "a saved value is a number, but this is a condition", "convert it with int(...), e.g. 'int(G.v > 0*mV)'");
                return Optional.empty();
            }
            out.add(t.expr());
        }
        return Optional.of(out);
    }

    private static void collect(Expression e, List<Expression.Dotted> out) {
        if (e instanceof Expression.Dotted d) out.add(d);
        else if (e instanceof Expression.Unary u) collect(u.operand(), out);
        else if (e instanceof Expression.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expression.Call c) {
            for (Expression a : c.args()) collect(a, out);
        } else if (e instanceof Expression.ListLit l) {
            for (Expression a : l.items()) collect(a, out);
        }
    }

    /** The expression with {@code object.variable} written as {@code variable}, to check it in the object's scope. */
    private static Expression undotted(Expression e) {
        if (e instanceof Expression.Dotted d) return new Expression.Name(d.member().text(), d.span());
        if (e instanceof Expression.Unary u) return new Expression.Unary(u.op(), undotted(u.operand()), u.span());
        if (e instanceof Expression.Binary b) return new Expression.Binary(b.op(), undotted(b.left()), undotted(b.right()), b.opSpan(), b.span());
        if (e instanceof Expression.Call c) return new Expression.Call(c.function(), c.args().stream().map(SaveReader::undotted).toList(), c.span());
        return e;
    }
}

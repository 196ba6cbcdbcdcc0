package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.ast.Ident;
import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.DataSetSpec;
import dev.myelin.compiler.model.ProtocolStep;
import dev.myelin.compiler.model.ProtocolVariable;
import dev.myelin.runtime.units.Dimension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The control flow of the protocol: variables, loops, conditions, print, store and restore. The
 * statements that act on the network (run, assignments, save) are checked by the {@link Checker}
 * through {@code leaf}, wherever they are nested.
 *
 * <p>A protocol variable is declared by its first assignment and keeps its unit; numbers are real,
 * loop variables whole. It is visible to every later expression of the file, including the model's
 * code, which reads its value when it runs.
 */
final class ProtocolChecker {

    private final Diagnostics diagnostics;
    private final ExpressionChecker expressions;
    private final Scope fileScope;
    private final Map<String, Symbol.Value> fileSymbols;
    private final BiConsumer<Item, List<ProtocolStep>> leaf;
    private final Map<String, ProtocolVariable> variables = new LinkedHashMap<>();
    private final Map<String, Ident> loopVariables = new LinkedHashMap<>();
    private final Map<String, DataSetSpec> dataSets = new LinkedHashMap<>();
    private final DataFiles files;

    ProtocolChecker(Diagnostics diagnostics, ExpressionChecker expressions, Scope fileScope, Map<String, Symbol.Value> fileSymbols,
                    DataFiles files, BiConsumer<Item, List<ProtocolStep>> leaf) {
        this.files = files;
        this.diagnostics = diagnostics;
        this.expressions = expressions;
        this.fileScope = fileScope;
        this.fileSymbols = fileSymbols;
        this.leaf = leaf;
    }

    static boolean isControl(Item item) {
        return item instanceof Item.Let || item instanceof Item.For || item instanceof Item.ForSamples || item instanceof Item.While
                || item instanceof Item.Repeat
                || item instanceof Item.If || item instanceof Item.Print || item instanceof Item.Store;
    }

    List<ProtocolVariable> variables() {
        return List.copyOf(variables.values());
    }

    List<DataSetSpec> dataSets() {
        return List.copyOf(dataSets.values());
    }

    /** {@code dataset NAME = idx(images, labels) | npy(features[, labels]) | csv(table)}; its files must exist. */
    void dataSet(Item.DataSetDecl d) {
        String format = d.format().text();
        int files = d.files().size();
        DataSetSpec.Format f = switch (format) {
            case "idx" -> files == 2 ? DataSetSpec.Format.IDX : null;
            case "npy" -> DataSetSpec.Format.NPY;
            case "csv" -> files == 1 ? DataSetSpec.Format.CSV : null;
            default -> null;
        };
        if (f == null) {
            diagnostics.error(d.format().span(), format.equals("idx") || format.equals("csv") ? format + "() takes " + (format.equals("idx") ? "two files" : "one file")
                            : "unknown data-set format '" + format + "'",
                    "write idx('images-idx3-ubyte.gz', 'labels-idx1-ubyte.gz'), npy('features.npy', 'labels.npy') or csv('table.csv')");
            return;
        }
        if (!declarable(d.name()) || variables.containsKey(d.name().text())) return;
        boolean ok = true;
        for (Item.FileName file : d.files()) ok &= this.files.existing(file).isPresent();
        if (!ok) return;
        if (dataSets.containsKey(d.name().text())) {
            diagnostics.error(d.name().span(), "data set '" + d.name().text() + "' is already declared", "give each data set its own name");
            return;
        }
        dataSets.put(d.name().text(), new DataSetSpec(d.name().text(), f, d.files().stream().map(Item.FileName::path).toList()));
    }

    void statement(Item item, List<ProtocolStep> out) {
        if (item instanceof Item.Let let) {
            let(let).ifPresent(out::add);
        } else if (item instanceof Item.For f) {
            loop(f).ifPresent(out::add);
        } else if (item instanceof Item.ForSamples f) {
            samples(f).ifPresent(out::add);
        } else if (item instanceof Item.While w) {
            Optional<Expr> cond = condition(w.condition(), "while");
            List<ProtocolStep> body = block(w.body());
            cond.ifPresent(c -> out.add(new ProtocolStep.While(c, body, w.span())));
        } else if (item instanceof Item.Repeat r) {
            List<ProtocolStep> body = block(r.body());
            condition(r.condition(), "until").ifPresent(c -> out.add(new ProtocolStep.Repeat(body, c, r.span())));
        } else if (item instanceof Item.If i) {
            Optional<Expr> cond = condition(i.condition(), "if");
            List<ProtocolStep> then = block(i.then());
            List<ProtocolStep> orElse = block(i.orElse());
            cond.ifPresent(c -> out.add(new ProtocolStep.If(c, then, orElse, i.span())));
        } else if (item instanceof Item.Print p) {
            print(p).ifPresent(out::add);
        } else if (item instanceof Item.Store st && st.file().isPresent()) {
            out.add(new ProtocolStep.Checkpoint(st.file().get().path(), st.restore(), st.span()));
        } else if (item instanceof Item.Store st) {
            out.add(new ProtocolStep.Store(st.name().map(Ident::text).orElse("default"), st.restore(), st.span()));
        } else {
            leaf.accept(item, out);
        }
    }

    private List<ProtocolStep> block(List<Item> items) {
        List<ProtocolStep> out = new ArrayList<>();
        for (Item item : items) statement(item, out);
        return out;
    }

    private Optional<ProtocolStep> let(Item.Let let) {
        String name = let.name().text();
        Typed value = scalar(expressions.check(let.value(), fileScope), let.value());
        if (!declarable(let.name())) return Optional.empty();
        if (loopVariables.containsKey(name)) {
            diagnostics.error(let.name().span(), "'" + name + "' is the variable of the loop on line " + loopVariables.get(name).span().line()
                    + ", which sets it", "use another name for this value");
            return Optional.empty();
        }
        if (value.invalid()) return Optional.empty();
        ProtocolVariable existing = variables.get(name);
        if (existing == null) {
            declare(name, value.isBoolean() ? ValueType.BOOL : ValueType.DOUBLE, value.isBoolean() ? Dimension.DIMENSIONLESS : value.dimension());
        } else if (value.isBoolean() != (existing.type() == ValueType.BOOL)
                || (!value.isBoolean() && !value.dimension().equals(existing.dimension()))) {
            String was = existing.type() == ValueType.BOOL ? "a condition" : kindOfValue(existing.dimension());
            String now = value.isBoolean() ? "a condition" : kindOfValue(value.dimension());
            diagnostics.error(let.value().span(), "'" + name + "' was first set to " + was + ", so it cannot now be " + now,
                    "keep one unit per protocol variable, or use another name");
            return Optional.empty();
        }
        return Optional.of(new ProtocolStep.SetVariable(name, value.expr(), let.span()));
    }

    private static String kindOfValue(Dimension d) {
        return d.isDimensionless() ? "a number without unit" : "a value in " + d;
    }

    private Optional<ProtocolStep> loop(Item.For f) {
        String name = f.variable().text();
        List<Expr> bounds = new ArrayList<>();
        boolean ok = true;
        if (!f.function().text().equals("range") || f.args().isEmpty() || f.args().size() > 2) {
            diagnostics.error(f.function().span(), "a for loop runs over range(stop) or range(start, stop)",
                    "write e.g. 'for k in range(10) { ... }'");
            ok = false;
        } else {
            for (Expression arg : f.args()) {
                Typed t = expressions.check(arg, fileScope);
                if (t.invalid()) {
                    ok = false;
                } else if (t.isBoolean() || !t.dimension().isDimensionless() || t.expr().type() != ValueType.INT) {
                    diagnostics.error(arg.span(), "range() needs whole numbers without unit",
                            "use integer consts, params or loop variables, e.g. 'range(n_train)' with 'param n_train = 100'");
                    ok = false;
                } else {
                    bounds.add(t.expr());
                }
            }
        }
        boolean declared = declarable(f.variable());
        ProtocolVariable existing = variables.get(name);
        if (declared && existing != null && !loopVariables.containsKey(name)) {
            diagnostics.error(f.variable().span(), "'" + name + "' is already a variable of the protocol", "give the loop variable another name");
            declared = false;
        } else if (declared && existing == null) {
            declare(name, ValueType.INT, Dimension.DIMENSIONLESS);
        }
        Optional<List<ProtocolStep>> loopBody = loopBody(f.variable(), declared, f.body());
        if (loopBody.isEmpty()) return Optional.empty();
        List<ProtocolStep> body = loopBody.get();
        if (!ok || !declared) return Optional.empty();
        Expr from = bounds.size() == 2 ? bounds.get(0) : Expr.Num.ofInt(0);
        Expr to = bounds.get(bounds.size() - 1);
        return Optional.of(new ProtocolStep.Loop(name, from, to, body, f.span()));
    }

    /**
     * {@code for sample in ds[a:b]}: declares {@code sample.pixels} (also {@code sample.values}: the
     * features, one per element, for per-neuron code), {@code sample.label} and {@code sample.index}.
     */
    private Optional<ProtocolStep> samples(Item.ForSamples f) {
        String name = f.variable().text();
        DataSetSpec ds = dataSets.get(f.dataSet().text());
        if (ds == null) {
            diagnostics.error(f.dataSet().span(), "unknown data set '" + f.dataSet().text() + "'",
                    Wording.didYouMean(f.dataSet().text(), dataSets.keySet(), "declare it first, e.g. dataset " + f.dataSet().text()
                            + " = idx('images-idx3-ubyte.gz', 'labels-idx1-ubyte.gz')"));
        }
        Optional<Expr> from = f.from().flatMap(e -> wholeNumber(e, "a data-set slice"));
        Optional<Expr> to = f.to().flatMap(e -> wholeNumber(e, "a data-set slice"));
        boolean declared = declarable(f.variable());
        ProtocolVariable existing = variables.get(name);
        if (declared && existing != null && !(existing.perElement())) {
            diagnostics.error(f.variable().span(), "'" + name + "' is already a variable of the protocol", "give the loop's sample another name");
            declared = false;
        }
        if (declared) {
            variables.put(name, new ProtocolVariable(name, ValueType.DOUBLE, Dimension.DIMENSIONLESS, true));
            Symbol.Value features = new Symbol.Value(new Expr.Var(name, VarKind.SAMPLE, ValueType.DOUBLE, ""), Dimension.DIMENSIONLESS, Symbol.Kind.PROTOCOL_VARIABLE, null);
            fileSymbols.put(name + ".pixels", features);
            fileSymbols.put(name + ".values", features);
            for (String member : List.of("label", "index")) {
                String field = name + "$" + member;
                variables.put(field, new ProtocolVariable(field, ValueType.INT, Dimension.DIMENSIONLESS));
                fileSymbols.put(name + "." + member, new Symbol.Value(new Expr.Var(field, VarKind.PROTOCOL, ValueType.INT, ""), Dimension.DIMENSIONLESS,
                        Symbol.Kind.PROTOCOL_VARIABLE, null));
            }
        }
        Optional<List<ProtocolStep>> loopBody = loopBody(f.variable(), declared, f.body());
        if (loopBody.isEmpty()) return Optional.empty();
        List<ProtocolStep> body = loopBody.get();
        if (ds == null || !declared || (f.from().isPresent() && from.isEmpty()) || (f.to().isPresent() && to.isEmpty())) return Optional.empty();
        return Optional.of(new ProtocolStep.SampleLoop(name, ds.name(), from, to, body, f.span()));
    }

    /** A loop's body, checked with its variable marked as a loop's; empty (reported) when an enclosing loop has the same variable. */
    private Optional<List<ProtocolStep>> loopBody(Ident variable, boolean declared, List<Item> items) {
        String name = variable.text();
        Ident outer = declared ? loopVariables.putIfAbsent(name, variable) : null;
        List<ProtocolStep> body = block(items);
        if (outer == null && declared) loopVariables.remove(name);
        if (outer != null) {
            diagnostics.error(variable.span(), "'" + name + "' is already the variable of the loop on line " + outer.span().line(),
                    "give the inner loop's variable another name");
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private Optional<Expr> wholeNumber(Expression e, String what) {
        Typed t = scalar(expressions.check(e, fileScope), e);
        if (t.invalid()) return Optional.empty();
        if (t.isBoolean() || !t.dimension().isDimensionless() || t.expr().type() != ValueType.INT) {
            diagnostics.error(e.span(), what + " needs whole numbers without unit",
                    "use integer consts, params or loop variables, e.g. 'mnist[0:n_train]' with 'param n_train = 100'");
            return Optional.empty();
        }
        return Optional.of(t.expr());
    }

    /** A value of the protocol itself: it cannot read a sample's features, which have one value per element. */
    private Typed scalar(Typed t, Expression e) {
        if (t.invalid() || !dev.myelin.compiler.expr.FreeVariables.referencesKind(t.expr(), VarKind.SAMPLE)) return t;
        diagnostics.error(e.span(), "a sample's features have one value per element, so they cannot be used here",
                "use them in an assignment to a group, e.g. inp.rates = 'sample.pixels / 8 * Hz', or use sample.label");
        return Typed.INVALID;
    }

    private Optional<Expr> condition(Expression e, String keyword) {
        Typed t = scalar(expressions.check(e, fileScope), e);
        if (t.invalid()) return Optional.empty();
        if (!t.isBoolean()) {
            diagnostics.error(e.span(), "'" + keyword + "' needs a condition, but this is a number" + (t.dimension().isDimensionless() ? "" : " in " + t.dimension()),
                    "compare it, e.g. '" + keyword + " intensity < 10'");
            return Optional.empty();
        }
        return Optional.of(t.expr());
    }

    private Optional<ProtocolStep> print(Item.Print p) {
        List<ProtocolStep.Part> parts = new ArrayList<>();
        boolean ok = true;
        for (Item.PrintArg arg : p.args()) {
            if (arg.text().isPresent()) {
                parts.add(new ProtocolStep.Part(arg.text().get(), null, null));
                continue;
            }
            Typed t = scalar(expressions.check(arg.value().get(), fileScope), arg.value().get());
            if (t.invalid()) {
                ok = false;
                continue;
            }
            parts.add(new ProtocolStep.Part(null, t.expr(), t.isBoolean() ? null : t.dimension()));
        }
        return ok ? Optional.of(new ProtocolStep.Print(parts, p.span())) : Optional.empty();
    }

    /** Whether {@code name} may be a protocol variable: not a const, param, unit or built-in name. */
    private boolean declarable(Ident name) {
        Symbol.Value other = fileSymbols.get(name.text());
        if (other != null && other.kind() != Symbol.Kind.PROTOCOL_VARIABLE) {
            diagnostics.error(name.span(), "cannot assign to '" + name.text() + "': it is " + other.kind().describe(),
                    other.kind() == Symbol.Kind.MODEL_PARAM ? "a param is set once, with --set; use another name for a value the protocol changes"
                            : "use another name for the protocol's variable");
            return false;
        }
        Optional<Symbol.Value> builtin = fileScope.builtin(name.text());
        if (builtin.isPresent() || name.text().equals("dt") || name.text().equals("t") || Scope.isNoiseName(name.text())) {
            diagnostics.error(name.span(), "'" + name.text() + "' cannot be a variable's name: it is " + (builtin.isPresent() ? builtin.get().kind().describe() : "reserved"),
                    "choose another name");
            return false;
        }
        if (name.text().startsWith("_")) {
            diagnostics.error(name.span(), "names starting with '_' are reserved for generated code", "choose a name that starts with a letter");
            return false;
        }
        return true;
    }

    private void declare(String name, ValueType type, Dimension dimension) {
        variables.put(name, new ProtocolVariable(name, type, dimension));
        fileSymbols.put(name, new Symbol.Value(new Expr.Var(name, VarKind.PROTOCOL, type, ""), dimension, Symbol.Kind.PROTOCOL_VARIABLE, null));
    }
}

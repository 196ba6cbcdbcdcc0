package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.model.NeuronGroup;
import dev.myelin.compiler.model.SpikeGenerator;
import dev.myelin.runtime.input.SpikeTrainFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a {@code spikegenerator}: inline indices and times, or the files they come from, and the period. */
final class SpikeGeneratorReader {

    private final Diagnostics diagnostics;
    private final ExpressionChecker expressions;
    private final Scope fileScope;
    private final DataFiles files;

    SpikeGeneratorReader(Diagnostics diagnostics, ExpressionChecker expressions, Scope fileScope, DataFiles files) {
        this.diagnostics = diagnostics;
        this.expressions = expressions;
        this.fileScope = fileScope;
        this.files = files;
    }

    Optional<SpikeGenerator> read(Item.SpikeGeneratorDecl decl, NeuronGroup group) {
        Optional<Expr> period = Optional.empty();
        if (decl.period().isPresent()) {
            Typed t = expressions.check(decl.period().get(), fileScope);
            if (t.invalid()) return Optional.empty();
            if (t.isBoolean() || !t.dimension().equals(Scope.SECOND) || (t.isConstant() && t.constantValue() < 0)) {
                diagnostics.error(decl.period().get().span(), "the period of a spike generator is a time", "write e.g. 'period 100 ms'");
                return Optional.empty();
            }
            period = Optional.of(t.expr());
        }
        if (decl.source() instanceof Item.SpikesInline in) {
            Optional<ConstantList> indices = ConstantList.read(in.indices(), expressions, fileScope, diagnostics, "the spike indices");
            Optional<ConstantList> times = ConstantList.read(in.times(), expressions, fileScope, diagnostics, "the spike times");
            if (indices.isEmpty() || times.isEmpty()) return Optional.empty();
            if (!indices.get().integral() || !indices.get().dimension().isDimensionless()) {
                diagnostics.error(in.indices().span(), "spike indices are whole numbers without unit", "write e.g. indices [0, 1, 1]");
                return Optional.empty();
            }
            if (!times.get().dimension().equals(Scope.SECOND)) {
                diagnostics.error(in.times().span(), "spike times are times, but these " + Wording.is(times.get().dimension()).replaceFirst("^is", "are"),
                        "write the unit after the list, e.g. times [1, 2.5, 4] * ms");
                return Optional.empty();
            }
            if (indices.get().values().size() != times.get().values().size()) {
                diagnostics.error(in.times().span(), "there are " + indices.get().values().size() + " indices but " + times.get().values().size() + " times",
                        "give one time for every index");
                return Optional.empty();
            }
            List<Integer> is = new ArrayList<>();
            long n = group.size() instanceof Expr.Num num ? (long) num.value() : Long.MAX_VALUE;
            for (double v : indices.get().values()) {
                if (v < 0 || v >= n) {
                    diagnostics.error(in.indices().span(), "index " + (long) v + " is not inside group " + group.name() + ", which has " + n + " neurons",
                            "indices go from 0 to " + (n - 1));
                    return Optional.empty();
                }
                is.add((int) v);
            }
            return Optional.of(new SpikeGenerator(group.name(), new SpikeGenerator.Inline(is, times.get().values()), period));
        }
        Item.SpikesFromFile f = (Item.SpikesFromFile) decl.source();
        Optional<Path> first = files.existing(f.file());
        if (f.timesFile().isPresent()) {
            Optional<Path> second = files.existing(f.timesFile().get());
            if (first.isEmpty() || second.isEmpty()) return Optional.empty();
            return Optional.of(new SpikeGenerator(group.name(), new SpikeGenerator.Npy(f.file().path(), f.timesFile().get().path()), period));
        }
        if (first.isEmpty()) return Optional.empty();
        if (!f.file().path().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            diagnostics.error(f.file().span(), "spikes come from a CSV file (columns i,t_ms), or from two NPY files (indices, times in seconds)",
                    "write e.g. from 'spikes.csv', or from 'indices.npy', 'times.npy'");
            return Optional.empty();
        }
        try {
            SpikeTrainFiles.csvTimeScale(first.get());
        } catch (IOException | IllegalArgumentException e) {
            diagnostics.error(f.file().span(), e.getMessage(), "the first line names the columns: i,t_ms (or t_s, t_us); then one spike per line");
            return Optional.empty();
        }
        return Optional.of(new SpikeGenerator(group.name(), new SpikeGenerator.Csv(f.file().path()), period));
    }
}

package dev.myelin.compiler.check;

import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.model.TimedArray;
import dev.myelin.runtime.io.NpyArray;
import dev.myelin.runtime.io.NpyReader;
import dev.myelin.runtime.units.Dimension;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Checks a {@code timedarray} declaration: its values (inline or an NPY file of 1 or 2 dimensions), unit and dt. */
final class TimedArrayReader {

    private final Diagnostics diagnostics;
    private final ExpressionChecker expressions;
    private final Scope fileScope;
    private final DataFiles files;

    TimedArrayReader(Diagnostics diagnostics, ExpressionChecker expressions, Scope fileScope, DataFiles files) {
        this.diagnostics = diagnostics;
        this.expressions = expressions;
        this.fileScope = fileScope;
        this.files = files;
    }

    Optional<TimedArray> read(Item.TimedArrayDecl decl, int index) {
        String name = decl.name().text();
        Optional<Expr> dt = timeStep(decl);
        if (decl.values().isPresent()) {
            Optional<ConstantList> values = ConstantList.read(decl.values().get(), expressions, fileScope, diagnostics, "timed array " + name);
            if (values.isEmpty() || dt.isEmpty()) return Optional.empty();
            if (values.get().values().isEmpty()) {
                diagnostics.error(decl.values().get().span(), "timed array " + name + " has no values", "give at least one value");
                return Optional.empty();
            }
            return Optional.of(new TimedArray(name, index, values.get().dimension(), false, Optional.of(values.get().values()), Optional.empty(), 1, dt.get()));
        }
        Item.FileName file = decl.file().orElseThrow();
        Optional<Path> path = files.existing(file);
        double scale = 1;
        Dimension dim = Dimension.DIMENSIONLESS;
        if (decl.unit().isPresent()) {
            Typed unit = expressions.check(decl.unit().get(), fileScope);
            if (unit.invalid()) return Optional.empty();
            if (!unit.isConstant() || unit.isBoolean()) {
                diagnostics.error(decl.unit().get().span(), "the unit of a timed array's values must be known when the model is compiled", "write e.g. * nA");
                return Optional.empty();
            }
            scale = unit.constantValue();
            dim = unit.dimension();
        }
        if (path.isEmpty() || dt.isEmpty()) return Optional.empty();
        NpyArray array;
        try {
            array = NpyReader.read(path.get());
        } catch (IOException | RuntimeException e) {
            diagnostics.error(file.span(), "cannot read " + path.get() + " as an NPY array: " + e.getMessage(), "save it with numpy.save");
            return Optional.empty();
        }
        if (array.shape().length < 1 || array.shape().length > 2 || array.size() == 0) {
            diagnostics.error(file.span(), "a timed array is 1-D (time) or 2-D (time, neuron), but " + path.get().getFileName() + " has shape "
                    + java.util.Arrays.toString(array.shape()), "save a 1-D or 2-D array");
            return Optional.empty();
        }
        return Optional.of(new TimedArray(name, index, dim, array.shape().length == 2, Optional.empty(), Optional.of(file.path()), scale, dt.get()));
    }

    private Optional<Expr> timeStep(Item.TimedArrayDecl decl) {
        Typed t = expressions.check(decl.dt(), fileScope);
        if (t.invalid()) return Optional.empty();
        if (t.isBoolean() || !t.dimension().equals(Scope.SECOND) || (t.isConstant() && !(t.constantValue() > 0))) {
            diagnostics.error(decl.dt().span(), "the dt of a timed array is a positive time", "write e.g. 'dt 1 ms'");
            return Optional.empty();
        }
        return Optional.of(t.expr());
    }
}

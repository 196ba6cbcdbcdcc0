package dev.myelin.cli;

import dev.myelin.compiler.ast.ModelFile;
import dev.myelin.compiler.check.Checker;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.model.CheckedModel;
import dev.myelin.compiler.model.Monitor;
import dev.myelin.compiler.model.NeuronGroup;
import dev.myelin.compiler.model.Subexpression;
import dev.myelin.compiler.model.Synapses;
import dev.myelin.compiler.model.Variable;
import dev.myelin.compiler.parse.ModelParser;
import dev.myelin.plot.PlotFormat;
import dev.myelin.plot.PlotInputError;
import dev.myelin.plot.PlotReport;
import dev.myelin.plot.RecordedUnits;
import dev.myelin.plot.ResultsDirectory;
import dev.myelin.plot.ResultsPlotter;
import dev.myelin.runtime.units.Dimension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw figures (PNG, SVG) of a results directory: rasters, rates, traces, saved values, confusion matrix.")
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the results directory that 'myelin run' wrote")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the figures (default: DIR/plots)")
    Path out;

    @Option(names = "--format", paramLabel = "FORMATS", defaultValue = "png,svg",
            description = "comma-separated formats: png, svg (default: ${DEFAULT-VALUE})")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            var formats = PlotFormat.parseList(format);
            ResultsDirectory results = ResultsDirectory.open(dir);
            RecordedUnits units = unitsFromModelFile(results.model()).orElse(RecordedUnits.none());
            PlotReport report = ResultsPlotter.plot(results, out != null ? out : ResultsPlotter.defaultOut(dir), formats, units);
            report.notes().forEach(note -> stderr.println("note: " + note));
            stderr.flush();
            report.written().forEach(stdout::println);
            report.images().forEach(image -> stdout.println(image + " (written by the run; left as it is)"));
            stdout.flush();
            return ExitCodes.OK;
        } catch (PlotInputError e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return ExitCodes.USER_ERROR;
        }
    }

    /**
     * The dimensions of the recorded variables from the model file the manifest names, parsed and
     * checked again (not compiled): the results files hold plain SI numbers. Empty when the file
     * is gone or no longer checks.
     */
    static Optional<RecordedUnits> unitsFromModelFile(Optional<String> model) {
        if (model.isEmpty()) return Optional.empty();
        Path file = Path.of(model.get());
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            Diagnostics diagnostics = new Diagnostics();
            ModelFile ast = ModelParser.parse(new SourceFile(file.toString(), Files.readString(file)), diagnostics);
            if (diagnostics.hasErrors()) return Optional.empty();
            CheckedModel checked = Checker.check(ast, diagnostics);
            return diagnostics.hasErrors() ? Optional.empty() : Optional.of(unitsOf(checked));
        } catch (Exception unreadable) {
            // Units only label the axes; without them the traces are drawn in SI.
            return Optional.empty();
        }
    }

    /** Each state monitor's variables with their dimensions, from the checked model. */
    static RecordedUnits unitsOf(CheckedModel model) {
        Map<String, Map<String, Dimension>> byMonitor = new LinkedHashMap<>();
        for (Monitor monitor : model.monitors()) {
            if (!(monitor instanceof Monitor.State state)) continue;
            Optional<NeuronGroup> group = model.group(state.group());
            Optional<Synapses> synapses = model.synapsesNamed(state.group());
            List<Variable> variables = group.map(NeuronGroup::variables).or(() -> synapses.map(Synapses::variables))
                    .orElse(List.of());
            List<Subexpression> subexpressions = group.map(NeuronGroup::subexpressions)
                    .or(() -> synapses.map(Synapses::subexpressions)).orElse(List.of());
            Map<String, Dimension> dimensions = new LinkedHashMap<>();
            for (String name : state.variables()) {
                variables.stream().filter(v -> v.name().equals(name)).findFirst()
                        .ifPresent(v -> dimensions.put(name, v.dimension()));
                subexpressions.stream().filter(s -> s.name().equals(name)).findFirst()
                        .ifPresent(s -> dimensions.put(name, s.dimension()));
            }
            byMonitor.put(state.name(), dimensions);
        }
        return new RecordedUnits(byMonitor);
    }

    /**
     * Plots after a run (run --plot), printing the files under the run's summary, or the error;
     * false when plotting failed.
     */
    static boolean afterRun(Path dir, CheckedModel model, PrintWriter out, PrintWriter err) {
        try {
            PlotReport report = ResultsPlotter.plot(ResultsDirectory.open(dir), ResultsPlotter.defaultOut(dir),
                    EnumSet.allOf(PlotFormat.class), unitsOf(model));
            out.println("  plots: " + ResultsPlotter.defaultOut(dir));
            report.written().forEach(file -> out.println("    " + file.getFileName()));
            report.images().forEach(image -> out.println("    " + image + " (written by the run)"));
            report.notes().forEach(note -> err.println("note: " + note));
            return true;
        } catch (PlotInputError e) {
            err.println("error: plotting failed: " + e.getMessage());
            return false;
        } finally {
            out.flush();
            err.flush();
        }
    }
}

package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.expr.Expr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model that passed checking: the input of lowering. {@code dt} is an expression of params (seconds).
 * The first {@code setupSteps} steps of {@code protocol} set the network up (initial values, connect);
 * the rest is the experiment the file writes. {@code dataFiles} maps each data file as the model names
 * it to the file found beside the model.
 */
public record CheckedModel(SourceFile source, Expr dt, long seed, List<Param> params, List<NeuronGroup> groups,
                           List<Synapses> synapses, List<SpikeGenerator> generators, List<TimedArray> timedArrays,
                           List<PoissonInput> poissonInputs, List<Monitor> monitors, List<ProtocolStep> protocol,
                           List<ProtocolVariable> variables, List<DataSetSpec> dataSets, List<ReadoutSpec> readouts,
                           int setupSteps, Map<String, Path> dataFiles) {

    public CheckedModel {
        params = List.copyOf(params);
        groups = List.copyOf(groups);
        synapses = List.copyOf(synapses);
        generators = List.copyOf(generators);
        timedArrays = List.copyOf(timedArrays);
        poissonInputs = List.copyOf(poissonInputs);
        monitors = List.copyOf(monitors);
        protocol = List.copyOf(protocol);
        variables = List.copyOf(variables);
        dataSets = List.copyOf(dataSets);
        readouts = List.copyOf(readouts);
        dataFiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dataFiles));
    }

    public Optional<Synapses> synapsesNamed(String name) {
        return synapses.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<SpikeGenerator> generator(String group) {
        return generators.stream().filter(g -> g.group().equals(group)).findFirst();
    }

    public Optional<NeuronGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}

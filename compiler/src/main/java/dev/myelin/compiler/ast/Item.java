package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A top-level entry of a model file. */
public sealed interface Item {

    SourceSpan span();

    record DtSetting(Expression value, SourceSpan span) implements Item {
    }

    record SeedSetting(Expression value, SourceSpan span) implements Item {
    }

    /** {@code const tau = 10 ms}: fixed at compile time. */
    record ConstDecl(Ident name, Expression value, SourceSpan span) implements Item {
    }

    /** {@code param I0 = 0.5 nA}: a default that {@code --set I0=0.7nA} overrides at run time. */
    record ParamDecl(Ident name, Expression value, SourceSpan span) implements Item {
    }

    record NeuronGroupDecl(Ident name, Expression size, List<GroupItem> items, SourceSpan span) implements Item {
        public NeuronGroupDecl {
            items = List.copyOf(items);
        }
    }

    /** {@code synapses S(inp -> G[0:10]) { ... }}: items are equations, pathways, delays, connects, method, inits. */
    record SynapsesDecl(Ident name, GroupRef source, GroupRef target, List<GroupItem> items, SourceSpan span) implements Item {
        public SynapsesDecl {
            items = List.copyOf(items);
        }
    }

    /** {@code poisson P[100] rates 15 Hz}; {@code quoted} when the rates are an expression string (of i, t, ...). */
    record PoissonDecl(Ident name, Expression size, Expression rates, boolean quoted, SourceSpan span) implements Item {
    }

    /** {@code spikegenerator inp[20] from 'spikes.csv'} or {@code indices [..] times [..]*ms}, optionally periodic. */
    record SpikeGeneratorDecl(Ident name, Expression size, SpikeSource source, Optional<Expression> period, SourceSpan span) implements Item {
    }

    /** Where a spike generator's spikes come from. */
    sealed interface SpikeSource permits SpikesFromFile, SpikesInline {
    }

    /** A CSV file with columns i,t_UNIT, or two NPY files (indices, times in seconds). */
    record SpikesFromFile(FileName file, Optional<FileName> timesFile) implements SpikeSource {
    }

    record SpikesInline(Expression indices, Expression times) implements SpikeSource {
    }

    /** {@code poissoninput drive into G.ge N 1000 rate 15 Hz weight 'w0'}: arguments by name, checked later. */
    record PoissonInputDecl(Ident name, VarRef target, Map<String, Expression> args, Map<String, Boolean> quoted, SourceSpan span) implements Item {
        public PoissonInputDecl {
            args = Map.copyOf(args);
            quoted = Map.copyOf(quoted);
        }
    }

    /** A file named in the model; relative paths are relative to the model file. */
    record FileName(String path, SourceSpan span) {
    }

    /** {@code timedarray stim = [0, 1, 3] * nA dt 25 ms}, or {@code = 'values.npy' * nA dt 1 ms} (1-D or 2-D). */
    record TimedArrayDecl(Ident name, Optional<FileName> file, Optional<Expression> values, Optional<Expression> unit, Expression dt,
                          SourceSpan span) implements Item {
    }

    /**
     * {@code save final_w = S.w}: writes {@code final_w.npy} into the results at this point of the
     * protocol; several values ({@code save pairs = S.i, S.j}) make the columns of a matrix.
     */
    record Save(Ident name, List<Expression> values, SourceSpan span) implements Item {
        public Save {
            values = List.copyOf(values);
        }
    }

    /** {@code G}, {@code G[3]} or {@code G[0:10]}: a group or a contiguous slice of it. */
    record GroupRef(Ident group, Optional<Expression> start, Optional<Expression> stop, SourceSpan span) {
    }

    record VarRef(Ident group, Ident variable, SourceSpan span) {
    }

    /** Which indices a state monitor records: all, a list, or a range start:stop. */
    sealed interface Record permits RecordAll, RecordList, RecordRange {
    }

    record RecordAll() implements Record {
    }

    record RecordList(List<Expression> indices) implements Record {
        public RecordList {
            indices = List.copyOf(indices);
        }
    }

    record RecordRange(Expression start, Expression stop) implements Record {
    }

    record SpikeMonitorDecl(Ident name, GroupRef source, SourceSpan span) implements Item {
    }

    /**
     * {@code when} is Brian2's scheduling slot: start (the default) or end; {@code to} is the word
     * after 'to' ('disk': the samples go to the results directory as they are taken).
     */
    record StateMonitorDecl(Ident name, List<VarRef> variables, Record record, Optional<Expression> dt, Optional<Ident> when, Optional<Ident> to,
                            SourceSpan span) implements Item {
        public StateMonitorDecl {
            variables = List.copyOf(variables);
        }
    }

    /** {@code eventmonitor m of G event burst}: Brian2's EventMonitor, the indices and times of a custom event. */
    record EventMonitorDecl(Ident name, GroupRef source, Ident event, SourceSpan span) implements Item {
    }

    record RateMonitorDecl(Ident name, GroupRef source, SourceSpan span) implements Item {
    }

    /** {@code run 20 ms} */
    record Run(Expression duration, SourceSpan span) implements Item {
    }

    /** {@code intensity = 2}: sets a variable of the protocol (declared by its first assignment). */
    record Let(Ident name, Expression value, SourceSpan span) implements Item {
    }

    /** {@code for k in range(a, b) { ... }}: the body once per whole number k from a to b-1. */
    record For(Ident variable, Ident function, List<Expression> args, List<Item> body, SourceSpan span) implements Item {
        public For {
            args = List.copyOf(args);
            body = List.copyOf(body);
        }
    }

    /** {@code dataset mnist = idx('images.gz', 'labels.gz')}: a data set read when the model starts. */
    record DataSetDecl(Ident name, Ident format, List<FileName> files, SourceSpan span) implements Item {
        public DataSetDecl {
            files = List.copyOf(files);
        }
    }

    /** {@code for sample in mnist[a:b] { ... }}: the body once per sample of the slice, in order. */
    record ForSamples(Ident variable, Ident dataSet, Optional<Expression> from, Optional<Expression> to, List<Item> body, SourceSpan span)
            implements Item {
        public ForSamples {
            body = List.copyOf(body);
        }
    }

    /** {@code normalize S.w per post to 78}: scales the variable so its sum over each target's (or source's) synapses is the total. */
    record Normalize(Ident synapses, Ident variable, Ident per, Expression total, SourceSpan span) implements Item {
    }

    /**
     * {@code image NAME = S.w per post shape (28, 28)}: the variable drawn as one tile per target
     * (or source) neuron, its synapses' values in a rows x cols grid, written as NAME.png.
     */
    record Image(Ident name, Ident synapses, Ident variable, Ident per, Expression rows, Expression cols, SourceSpan span) implements Item {
    }

    /** {@code readout NAME of MONITOR classes N}: responses of a spike monitor's neurons per sample, for Diehl & Cook's readout. */
    record ReadoutDecl(Ident name, Ident monitor, Expression classes, SourceSpan span) implements Item {
    }

    /**
     * {@code observe NAME label L} (a sample to assign neurons' classes from) or {@code predict NAME
     * label L} (a sample to classify): the monitor's spike counts during the last run.
     */
    record Observe(Ident readout, boolean predict, Expression label, SourceSpan span) implements Item {
    }

    /** {@code report NAME}: assign classes, classify, print the accuracy and write metrics.json and confusion.npy. */
    record Report(Ident readout, SourceSpan span) implements Item {
    }

    /** {@code while cond { ... }} */
    record While(Expression condition, List<Item> body, SourceSpan span) implements Item {
        public While {
            body = List.copyOf(body);
        }
    }

    /** {@code repeat { ... } until cond}: the body at least once, until the condition holds after it. */
    record Repeat(List<Item> body, Expression condition, SourceSpan span) implements Item {
        public Repeat {
            body = List.copyOf(body);
        }
    }

    /** {@code if cond { ... } else { ... }}; an else-if is an If alone in {@code orElse}. */
    record If(Expression condition, List<Item> then, List<Item> orElse, SourceSpan span) implements Item {
        public If {
            then = List.copyOf(then);
            orElse = List.copyOf(orElse);
        }
    }

    /** {@code print 'text', expr, ...}: one line on standard output. */
    record Print(List<PrintArg> args, SourceSpan span) implements Item {
        public Print {
            args = List.copyOf(args);
        }
    }

    /** A literal text (quoted) or a value to print. */
    record PrintArg(Optional<String> text, Optional<Expression> value, SourceSpan span) {
    }

    /**
     * {@code store} / {@code store name}, {@code restore} / {@code restore name}: Brian2's Network.store/restore;
     * {@code store to 'file'} / {@code restore from 'file'}: the same through a checkpoint file (then no name).
     */
    record Store(Optional<Ident> name, Optional<FileName> file, boolean restore, SourceSpan span) implements Item {
    }

    /** {@code G.I = 0.7*nA} between runs (or before the first: initial values). */
    record Assign(Ident group, Ident variable, Expression value, SourceSpan span) implements Item {
    }
}

package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;

import java.util.List;
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

    record StateMonitorDecl(Ident name, List<VarRef> variables, Record record, Optional<Expression> dt, SourceSpan span) implements Item {
        public StateMonitorDecl {
            variables = List.copyOf(variables);
        }
    }

    record RateMonitorDecl(Ident name, GroupRef source, SourceSpan span) implements Item {
    }

    /** {@code run 20 ms} */
    record Run(Expression duration, SourceSpan span) implements Item {
    }

    /** {@code G.I = 0.7*nA} between runs (or before the first: initial values). */
    record Assign(Ident group, Ident variable, Expression value, SourceSpan span) implements Item {
    }
}

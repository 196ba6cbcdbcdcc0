package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;

import java.util.List;
import java.util.Optional;

/** One entry of a {@code neurons} block. */
public sealed interface GroupItem {

    SourceSpan span();

    record Equations(List<Equation> equations, SourceSpan span) implements GroupItem {
        public Equations {
            equations = List.copyOf(equations);
        }
    }

    record Threshold(Expression condition, SourceSpan span) implements GroupItem {
    }

    record Reset(List<Statement> statements, SourceSpan span) implements GroupItem {
        public Reset {
            statements = List.copyOf(statements);
        }
    }

    /**
     * {@code refractory 5 ms} (a duration), {@code refractory 'tau_ref'} (an expression of time)
     * or {@code refractory 'v > -40*mV'} (a condition); which one is decided by its dimension.
     */
    record Refractory(Expression value, boolean quoted, SourceSpan span) implements GroupItem {
    }

    record Method(Ident name, SourceSpan span) implements GroupItem {
    }

    /** {@code event burst 'v > 10*mV'}: a custom event of the group (Brian2's NeuronGroup events=). */
    record Event(Ident name, Expression condition, SourceSpan span) implements GroupItem {
    }

    /** {@code on_event burst 'code'}: code run per neuron that had the event (Brian2's run_on_event). */
    record OnEvent(Ident event, List<Statement> code, SourceSpan span) implements GroupItem {
        public OnEvent {
            code = List.copyOf(code);
        }
    }

    /** {@code run_regularly 'code' dt 10 ms when start}: per-neuron code on a clock of its own (Brian2's run_regularly). */
    record RunRegularly(List<Statement> code, Optional<Expression> dt, Optional<Ident> when, SourceSpan span) implements GroupItem {
        public RunRegularly {
            code = List.copyOf(code);
        }
    }

    /** {@code init v = El} or {@code init v = 'Vr + rand()*(Vt - Vr)'}. */
    record Init(Ident variable, Expression value, SourceSpan span) implements GroupItem {
    }

    /**
     * {@code on_pre '''code'''} or {@code on_post name '''code'''}: code run per synapse when the
     * source (pre) or target (post) neuron spikes (or has the custom {@code event}: Brian2's
     * on_event). The unnamed pathways are called pre and post.
     */
    record Pathway(boolean post, Optional<Ident> name, Optional<Ident> event, List<Statement> code, SourceSpan span) implements GroupItem {
        public Pathway {
            code = List.copyOf(code);
        }
    }

    /** {@code delay 2 ms} (one delay for all synapses), {@code delay 'expr'} (per synapse), {@code delay post = ...}. */
    record Delay(Optional<Ident> pathway, Expression value, boolean quoted, SourceSpan span) implements GroupItem {
    }

    /** {@code connect 'i != j', p = 0.1}: Brian2's connect() with its keyword arguments. */
    record Connect(List<ConnectArg> args, SourceSpan span) implements GroupItem {
        public Connect {
            args = List.copyOf(args);
        }
    }

    /**
     * One argument of connect: {@code key} is empty for the positional condition. A quoted value is
     * code ({@code quoted}); {@code generator} is set for j = 'k for k in ...'; {@code file} for i/j = 'x.npy'.
     */
    record ConnectArg(Optional<Ident> key, Optional<Expression> value, boolean quoted, Optional<Generator> generator,
                      Optional<Item.FileName> file, SourceSpan span) {
    }

    /** Brian2's generator syntax: {@code element for variable in function(args) if condition}. */
    record Generator(Expression element, Ident variable, Ident function, List<GeneratorArg> args, Optional<Expression> condition,
                     SourceSpan span) {
        public Generator {
            args = List.copyOf(args);
        }
    }

    record GeneratorArg(Optional<Ident> key, Expression value) {
    }
}

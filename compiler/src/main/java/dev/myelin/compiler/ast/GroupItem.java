package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;

import java.util.List;

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

    /** {@code init v = El} or {@code init v = 'Vr + rand()*(Vt - Vr)'}. */
    record Init(Ident variable, Expression value, SourceSpan span) implements GroupItem {
    }
}

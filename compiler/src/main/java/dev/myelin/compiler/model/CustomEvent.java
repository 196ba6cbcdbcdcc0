package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

import java.util.List;

/**
 * A custom event of a neuron group (Brian2's {@code events={'name': 'condition'}}): the condition
 * is checked in the thresholds slot, regardless of refractoriness, and {@code code} (Brian2's
 * run_on_event, possibly empty) runs for each neuron that had the event, after the resets.
 */
public record CustomEvent(String name, Expr condition, List<Assignment> code, SourceSpan span) {

    public CustomEvent {
        code = List.copyOf(code);
    }
}

package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Expr;

import java.util.List;
import java.util.Optional;

/**
 * Brian2's run_regularly: per-neuron code run every {@code dt} seconds (every step when empty), in
 * the slot {@code when} of the schedule, before the group's own work in that slot.
 */
public record RegularCode(List<Assignment> code, Optional<Expr> dt, Slot when, SourceSpan span) {

    public RegularCode {
        code = List.copyOf(code);
    }

    /** Brian2's scheduling slots, in the order they run in a step. */
    public enum Slot {
        START, GROUPS, THRESHOLDS, SYNAPSES, RESETS, END;

        public String brianName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

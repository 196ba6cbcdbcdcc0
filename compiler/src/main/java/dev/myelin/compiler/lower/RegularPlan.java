package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.model.RegularCode;

import java.util.List;
import java.util.Optional;

/** The {@code index}-th run_regularly code of a group: per-neuron steps, every {@code dt} seconds (or step), in slot {@code when}. */
public record RegularPlan(int index, List<Step> code, Optional<Expr> dt, RegularCode.Slot when) {

    public RegularPlan {
        code = List.copyOf(code);
    }
}

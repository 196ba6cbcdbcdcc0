package dev.myelin.compiler.lower;

import dev.myelin.compiler.expr.Expr;

import java.util.List;

/** A custom event of a group: its condition (thresholds slot) and the code run on it (after the resets). */
public record EventPlan(String name, Expr condition, List<Step> code) {

    public EventPlan {
        code = List.copyOf(code);
    }
}

package dev.myelin.compiler.lower;

import java.util.List;

/**
 * The state update of a group for one step. When some equations are {@code (unless refractory)},
 * the code is specialised for the two cases (not_refractory true, false) so each branch folds its
 * constants; otherwise {@code whenRefractory} is unused and {@code split} is false.
 */
public record StateUpdatePlan(String method, List<Step> whenActive, List<Step> whenRefractory, boolean split) {

    public StateUpdatePlan {
        whenActive = List.copyOf(whenActive);
        whenRefractory = List.copyOf(whenRefractory);
    }

    public boolean isEmpty() {
        return whenActive.isEmpty() && whenRefractory.isEmpty();
    }
}

package dev.myelin.compiler.model;

import dev.myelin.compiler.diag.SourceSpan;

import java.util.List;
import java.util.Set;

/**
 * The integration method asked for: a name ({@code exact}, {@code euler}, ...) or empty for
 * Brian2's automatic choice; {@code span} points at the name (or the group) for later errors.
 */
public record Method(String name, SourceSpan span) {

    /** The names Myelin accepts ({@code linear} is Brian2's alias of {@code exact}). */
    public static final List<String> NAMES = List.of("exact", "linear", "euler", "rk2", "rk4", "heun", "milstein", "exponential_euler");

    /** Brian2's methods that Myelin does not offer, so that they get a message of their own. */
    public static final Set<String> BRIAN2_ONLY = Set.of(
            "independent", "gsl", "gsl_rk2", "gsl_rk4", "gsl_rkf45", "gsl_rkck", "gsl_rk8pd");

    public boolean automatic() {
        return name.isEmpty();
    }
}

package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;

import java.util.List;

/** One line of a Brian2 equations string. */
public sealed interface Equation {

    Ident variable();

    /** The unit after the colon, as an expression of unit names ({@code volt}, {@code 1}, {@code metre**2}). */
    Expression unit();

    List<Flag> flags();

    SourceSpan span();

    /** {@code dv/dt = rhs : unit (flags)} */
    record Differential(Ident variable, Ident dtName, Expression rhs, Expression unit, List<Flag> flags, SourceSpan span) implements Equation {
    }

    /** {@code name = rhs : unit (flags)} */
    record Subexpression(Ident variable, Expression rhs, Expression unit, List<Flag> flags, SourceSpan span) implements Equation {
    }

    /** {@code name : unit (flags)} */
    record Parameter(Ident variable, Expression unit, List<Flag> flags, SourceSpan span) implements Equation {
    }
}

package dev.myelin.compiler.ast;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Op;

import java.util.List;
import java.util.Optional;

/** An expression as written, in Brian2's (Python's) syntax. */
public sealed interface Expression {

    SourceSpan span();

    /**
     * {@code 5}, {@code 0.1}, or a quantity written with its unit after it: {@code 5 ms}, or with a
     * power of the unit: {@code 20 um**2} (the power applies to the unit, as in {@code 20*um**2}).
     */
    record NumberLit(String text, double value, boolean integral, Optional<Ident> unit, int unitPower, SourceSpan span) implements Expression {
        /** The unit's power as written was not a small whole number. */
        public static final int NOT_WHOLE = Integer.MIN_VALUE;
    }

    record BoolLit(boolean value, SourceSpan span) implements Expression {
    }

    record Name(String name, SourceSpan span) implements Expression {
    }

    record Call(Ident function, List<Expression> args, SourceSpan span) implements Expression {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Unary(Op op, Expression operand, SourceSpan span) implements Expression {
    }

    /** Also comparisons and {@code and}/{@code or}; {@code opSpan} is where the operator is. */
    record Binary(Op op, Expression left, Expression right, SourceSpan opSpan, SourceSpan span) implements Expression {
    }

    /** {@code [1, 2, 3]}: one value per element of a group, in protocol assignments and inits. */
    record ListLit(List<Expression> items, SourceSpan span) implements Expression {
        public ListLit {
            items = List.copyOf(items);
        }
    }

    /** {@code S.w}, {@code spikes.count}: a variable of a named object, in protocol statements such as save. */
    record Dotted(Ident object, Ident member, SourceSpan span) implements Expression {
    }

    /** {@code 'weights.npy'} as a value: one value per element, read from an NPY file (SI units). */
    record FileRef(String path, SourceSpan span) implements Expression {
    }
}

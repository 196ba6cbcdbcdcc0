package dev.myelin.compiler.lower.integrate;

import dev.myelin.compiler.expr.Expr;

import java.util.List;

/**
 * {@code dx/dt = A x + b} for the state variables {@code x} in order. Entries of {@code A} and
 * {@code b} are simplified expressions free of all state variables and of {@code t}; an entry that
 * is structurally zero is the literal 0.
 */
public record LinearSystem(List<Expr.Var> variables, List<List<Expr>> matrix, List<Expr> constants) {

    public LinearSystem {
        variables = List.copyOf(variables);
        matrix = matrix.stream().map(List::copyOf).toList();
        constants = List.copyOf(constants);
    }

    public int size() {
        return variables.size();
    }

    /** {@code A[row][column]}: the coefficient of variable {@code column} in equation {@code row}. */
    public Expr coefficient(int row, int column) {
        return matrix.get(row).get(column);
    }

    /** {@code b[row]}. */
    public Expr constant(int row) {
        return constants.get(row);
    }

    /** Whether {@code e} is a literal zero, i.e. known to vanish without knowing any value. */
    public static boolean isStructuralZero(Expr e) {
        return e instanceof Expr.Num n && n.value() == 0;
    }
}

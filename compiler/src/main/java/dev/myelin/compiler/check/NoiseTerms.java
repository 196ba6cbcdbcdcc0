package dev.myelin.compiler.check;

import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.FreeVariables;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.model.DiffEquation;

import java.util.List;

/**
 * Brian2's rule for noise names: {@code xi_a} in two equations is one shared noise, but a plain
 * {@code xi} may appear in one equation only, so that whether noise is shared is always explicit.
 */
final class NoiseTerms {

    private NoiseTerms() {
    }

    static void checkPlainXiOnce(List<DiffEquation> equations, Diagnostics diagnostics) {
        String first = null;
        for (DiffEquation eq : equations) {
            if (!usesPlainXi(eq.rhs())) continue;
            if (first == null) {
                first = eq.variable();
                continue;
            }
            diagnostics.error(eq.span(), "the equation of '" + eq.variable() + "' uses the noise term 'xi', which the equation of '" + first
                            + "' already uses; with one name both would get the same noise",
                    "name the noise terms xi_1, xi_2, ... for independent noise, or give both the same name xi_shared for one common noise");
        }
    }

    private static boolean usesPlainXi(Expr rhs) {
        for (Expr.Var v : FreeVariables.of(rhs)) {
            if (v.kind() == VarKind.NOISE && v.name().equals("xi")) return true;
        }
        return false;
    }
}

package dev.myelin.compiler.expr;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The variables an expression reads. */
public final class FreeVariables {

    private FreeVariables() {
    }

    /** Every distinct {@link Expr.Var} in {@code e}, in order of first appearance (left to right). */
    public static Set<Expr.Var> of(Expr e) {
        Set<Expr.Var> found = new LinkedHashSet<>();
        collect(e, found);
        return Collections.unmodifiableSet(found);
    }

    /** Whether {@code e} reads a variable called {@code name}, of any kind. */
    public static boolean references(Expr e, String name) {
        if (e instanceof Expr.Var v) {
            return v.name().equals(name);
        }
        if (e instanceof Expr.Unary u) {
            return references(u.operand(), name);
        }
        if (e instanceof Expr.Binary b) {
            return references(b.left(), name) || references(b.right(), name);
        }
        if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                if (references(a, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code e} reads any variable whose name is in {@code names}. */
    public static boolean referencesAny(Expr e, Collection<String> names) {
        for (String name : names) {
            if (references(e, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} reads a variable of the given kind (e.g. {@link VarKind#TIME}). */
    public static boolean referencesKind(Expr e, VarKind kind) {
        for (Expr.Var v : of(e)) {
            if (v.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Expr e, Set<Expr.Var> found) {
        if (e instanceof Expr.Var v) {
            found.add(v);
        } else if (e instanceof Expr.Unary u) {
            collect(u.operand(), found);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), found);
            collect(b.right(), found);
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                collect(a, found);
            }
        }
    }
}

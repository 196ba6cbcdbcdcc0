package dev.myelin.compiler.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces variables by expressions, all at once (a replacement is not itself searched for further
 * replacements, so {@code t -> t + dt} is safe). A variable is matched by its name AND its
 * {@link VarKind}, never by owner or type: the state variable {@code v} (ARRAY) and a scheme's
 * placeholder local {@code v} (LOCAL) are different variables. Immutable.
 */
public final class Substitution {

    /** What a replacement matches: a variable's name and kind. */
    public record Key(String name, VarKind kind) {
        public static Key of(Expr.Var v) {
            return new Key(v.name(), v.kind());
        }
    }

    private final Map<Key, Expr> replacements;

    private Substitution(Map<Key, Expr> replacements) {
        this.replacements = Map.copyOf(replacements);
    }

    public static Substitution none() {
        return new Substitution(Map.of());
    }

    /** Replaces variables matching {@code variable}'s name and kind by {@code value}. */
    public static Substitution of(Expr.Var variable, Expr value) {
        return none().and(variable, value);
    }

    public static Substitution of(Map<Key, Expr> replacements) {
        return new Substitution(replacements);
    }

    /** This substitution plus one more replacement (which wins over an existing one for the same key). */
    public Substitution and(Expr.Var variable, Expr value) {
        Map<Key, Expr> more = new HashMap<>(replacements);
        more.put(Key.of(variable), value);
        return new Substitution(more);
    }

    public Map<Key, Expr> replacements() {
        return replacements;
    }

    /** A new tree with every matching variable replaced; unchanged subtrees are shared. */
    public Expr apply(Expr e) {
        if (replacements.isEmpty()) {
            return e;
        }
        if (e instanceof Expr.Var v) {
            Expr replacement = replacements.get(Key.of(v));
            return replacement != null ? replacement : v;
        }
        if (e instanceof Expr.Unary u) {
            Expr operand = apply(u.operand());
            return operand == u.operand() ? u : new Expr.Unary(u.op(), operand);
        }
        if (e instanceof Expr.Binary b) {
            Expr left = apply(b.left());
            Expr right = apply(b.right());
            return left == b.left() && right == b.right() ? b : new Expr.Binary(b.op(), left, right);
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>(c.args().size());
            boolean changed = false;
            for (Expr a : c.args()) {
                Expr replaced = apply(a);
                changed |= replaced != a;
                args.add(replaced);
            }
            return changed ? new Expr.Call(c.fn(), args, c.site()) : c;
        }
        return e;
    }

    /** A new tree with every variable replaced by {@code f(variable)} (which may return it unchanged). */
    public static Expr mapVariables(Expr e, java.util.function.Function<Expr.Var, Expr> f) {
        if (e instanceof Expr.Var v) return f.apply(v);
        if (e instanceof Expr.Unary u) {
            Expr operand = mapVariables(u.operand(), f);
            return operand == u.operand() ? u : new Expr.Unary(u.op(), operand);
        }
        if (e instanceof Expr.Binary b) {
            Expr left = mapVariables(b.left(), f);
            Expr right = mapVariables(b.right(), f);
            return left == b.left() && right == b.right() ? b : new Expr.Binary(b.op(), left, right);
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>(c.args().size());
            boolean changed = false;
            for (Expr a : c.args()) {
                Expr replaced = mapVariables(a, f);
                changed |= replaced != a;
                args.add(replaced);
            }
            return changed ? new Expr.Call(c.fn(), args, c.site()) : c;
        }
        return e;
    }

    /**
     * A new tree in which every call that {@code f} maps to a non-null value is replaced by it;
     * calls it maps to null keep their function and get their arguments mapped the same way.
     */
    public static Expr mapCalls(Expr e, java.util.function.Function<Expr.Call, Expr> f) {
        if (e instanceof Expr.Unary u) return new Expr.Unary(u.op(), mapCalls(u.operand(), f));
        if (e instanceof Expr.Binary b) return new Expr.Binary(b.op(), mapCalls(b.left(), f), mapCalls(b.right(), f));
        if (e instanceof Expr.Call c) {
            Expr replaced = f.apply(c);
            if (replaced != null) return replaced;
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) args.add(mapCalls(a, f));
            return new Expr.Call(c.fn(), args, c.site());
        }
        return e;
    }
}

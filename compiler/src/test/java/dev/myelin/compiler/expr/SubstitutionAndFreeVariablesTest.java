package dev.myelin.compiler.expr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubstitutionAndFreeVariablesTest {

    private static final Expr.Var V = new Expr.Var("v", VarKind.ARRAY, ValueType.DOUBLE, "G");
    private static final Expr.Var LOCAL_V = Expr.Var.local("v");
    private static final Expr.Var T = new Expr.Var("t", VarKind.TIME, ValueType.DOUBLE, "");
    private static final Expr.Var DT = new Expr.Var("dt", VarKind.DT, ValueType.DOUBLE, "");

    @Test
    void matchesNameAndKindOnly() {
        Expr e = Expr.add(V, LOCAL_V);
        Expr replaced = Substitution.of(V, Expr.num(1)).apply(e);
        assertEquals(Expr.add(Expr.num(1), LOCAL_V), replaced);
        // owner and type do not matter
        Expr.Var sameVarOtherOwner = new Expr.Var("v", VarKind.ARRAY, ValueType.DOUBLE, "H");
        assertEquals(Expr.num(2), Substitution.of(sameVarOtherOwner, Expr.num(2)).apply(V));
    }

    @Test
    void replacesSimultaneously() {
        Expr e = Expr.mul(T, Expr.Call.of(Function.SIN, T));
        Expr later = Expr.add(T, Expr.div(DT, Expr.num(2)));
        Expr replaced = Substitution.of(T, later).apply(e);
        assertEquals(Expr.mul(later, Expr.Call.of(Function.SIN, later)), replaced);
        // swap
        Expr swapped = Substitution.of(V, LOCAL_V).and(LOCAL_V, V).apply(Expr.sub(V, LOCAL_V));
        assertEquals(Expr.sub(LOCAL_V, V), swapped);
    }

    @Test
    void sharesUntouchedTreesAndKeepsCallSites() {
        Expr e = Expr.add(Expr.Call.of(Function.EXP, DT), new Expr.Call(Function.RAND, List.of(), 3));
        assertSame(e, Substitution.of(V, Expr.num(0)).apply(e));
        Expr withV = new Expr.Call(Function.CLIP, List.of(V, Expr.num(0), Expr.num(1)), 0);
        Expr.Call replaced = (Expr.Call) Substitution.of(V, T).apply(withV);
        assertEquals(T, replaced.args().get(0));
    }

    @Test
    void freeVariables() {
        Expr e = Expr.add(Expr.mul(V, T), Expr.Call.of(Function.EXP, Expr.div(V, DT)));
        assertEquals(List.of(V, T, DT), List.copyOf(FreeVariables.of(e)));
        assertTrue(FreeVariables.references(e, "dt"));
        assertFalse(FreeVariables.references(e, "w"));
        assertTrue(FreeVariables.referencesKind(e, VarKind.TIME));
        assertTrue(FreeVariables.referencesAny(e, List.of("w", "v")));
    }

    @Test
    void randomCalls() {
        assertTrue(RandomCalls.in(Expr.mul(V, Expr.Call.of(Function.EXP, Expr.Call.of(Function.RANDN)))));
        assertFalse(RandomCalls.in(Expr.mul(V, Expr.Call.of(Function.EXP, V))));
    }
}

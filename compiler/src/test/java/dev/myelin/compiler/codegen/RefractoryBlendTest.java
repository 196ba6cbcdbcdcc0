package dev.myelin.compiler.codegen;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;
import dev.myelin.compiler.lower.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefractoryBlendTest {

    private static final Expr.Var MASK = new Expr.Var("_nr", VarKind.LOCAL, ValueType.DOUBLE, "");
    private static final Map<String, ValueType> ARRAYS = Map.of("v", ValueType.DOUBLE, "w", ValueType.DOUBLE, "n", ValueType.INT);

    private static Expr.Var array(String name) {
        return new Expr.Var(name, VarKind.ARRAY, ValueType.DOUBLE, "G");
    }

    private static Expr.Var local(String name) {
        return new Expr.Var(name, VarKind.LOCAL, ValueType.DOUBLE, "");
    }

    private static Expr blend(Expr active, Expr refractory) {
        return Expr.add(Expr.mul(MASK, active), Expr.mul(Expr.sub(Expr.num(1), MASK), refractory));
    }

    @Test
    void bothBranchesRunIntoLocalsAndEachVariableTakesTheChosenOne() {
        // active: _k = v + 1; v = _k; w = 2 w.  refractory: _k = w; w = _k (same local name, renamed).
        List<Step> active = List.of(Step.local("_k", Expr.add(array("v"), Expr.num(1))), Step.write("v", local("_k")),
                Step.write("w", Expr.mul(Expr.num(2), array("w"))));
        List<Step> refractory = List.of(Step.local("_k", array("w")), Step.write("w", local("_k")));
        List<Step> expected = List.of(
                Step.local("_k", Expr.add(array("v"), Expr.num(1))), Step.local("_a$v", local("_k")),
                Step.local("_a$w", Expr.mul(Expr.num(2), array("w"))),
                Step.local("_k$r", array("w")), Step.local("_r$w", local("_k$r")),
                Step.write("v", blend(local("_a$v"), array("v"))),
                Step.write("w", blend(local("_a$w"), local("_r$w"))));
        assertEquals(Optional.of(expected), RefractoryBlend.of("G", active, refractory, ARRAYS, MASK));
    }

    @Test
    void aBranchThatReadsWhatItWroteKeepsTheBranch() {
        List<Step> active = List.of(Step.write("v", Expr.num(1)), Step.write("w", array("v")));
        assertEquals(Optional.empty(), RefractoryBlend.of("G", active, List.of(), ARRAYS, MASK));
    }

    @Test
    void aWriteToAnIntegerVariableKeepsTheBranch() {
        List<Step> active = List.of(Step.write("n", Expr.num(1)));
        assertEquals(Optional.empty(), RefractoryBlend.of("G", active, List.of(), ARRAYS, MASK));
    }
}

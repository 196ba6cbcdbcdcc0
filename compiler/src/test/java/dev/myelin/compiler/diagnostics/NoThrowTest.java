package dev.myelin.compiler.diagnostics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the input, checking ends in diagnostics, never in an exception: every model of the
 * message table, and inputs built to hit limits (huge exponents, deep nesting, odd characters).
 */
class NoThrowTest {

    @Test
    void noModelOfTheTableMakesTheCompilerThrow() {
        for (ErrorMessagesTest.Case c : ErrorMessagesTest.cases()) {
            Check.diagnostics(c.model()); // fails with the model if check() throws
        }
    }

    @Test
    void hostileInputsEndInDiagnostics() {
        for (String model : hostile()) {
            Check.assertWellFormed(model);
        }
    }

    @Test
    void emptyAndCommentOnlyModelsAreFine() {
        assertTrue(Check.render("").isEmpty());
        assertTrue(Check.render("# nothing yet\n").isEmpty());
    }

    @Test
    void foldingOutOfRangeValuesDoesNotThrow() {
        // int(inf) once threw ArithmeticException while folding a const; it now folds as the generated code computes it.
        var diagnostics = new dev.myelin.compiler.driver.ModelCompiler().check(
                new dev.myelin.compiler.diag.SourceFile("model.myl", "const big = int(inf)\nconst nan = int(0/0)\n"));
        assertTrue(!diagnostics.hasErrors(), diagnostics.render());
    }

    private static List<String> hostile() {
        List<String> models = new ArrayList<>();
        models.add(group("dv/dt = v**100000000000/ms : volt"));
        models.add(group("dv/dt = v/ms : volt**99999999999"));
        models.add(group("dv/dt = v/ms : volt**0.25"));
        models.add(group("dv/dt = (" + "v + ".repeat(20_000) + "v)/ms : volt"));
        models.add(group("dv/dt = " + "(".repeat(5_000) + "v" + ")".repeat(5_000) + "/ms : volt"));
        models.add("dt = (0/0)*ms\n");
        models.add("run inf*ms\n");
        models.add("seed 99999999999999999999999\n");
        models.add("neurons G[1] {\r\n    equations '''\r\n        dv/dt = -v/tau : volt\r\n    '''\r\n}\r\n");
        models.add("neurons G[1] {\n\tequations 'dv/dt = -v/tau : volt'\n}\n");
        models.add("neurons G[1] {\n    equations '''\n");
        models.add("neurons G[1] {\n    equations \"dv/dt = -v/ms : volt\n}\n");
        models.add("neurons G[1] {\n    equations ''''''\n    threshold ''\n}\n");
        models.add("neurons G[] {\n}\n");
        models.add("}\n");
        models.add("G.v = 1\n");
        models.add("neurons G[3] {\n    equations 'dv/dt = -v/ms : volt'\n}\nstatemonitor m of G.v record [99999999999]\n");
        models.add("neurons G[3] {\n    equations 'dv/dt = -v/ms : volt'\n}\nstatemonitor m of G.v record 5:1\n");
        models.add("neurons G[0] {\n    equations 'dv/dt = -v/ms : volt'\n}\nG.v = []\n");
        models.add("neurons G[2] {\n    equations '''\n        a = b : 1\n        b = c : 1\n        c = a : 1\n        dv/dt = a/ms : 1\n    '''\n}\n");
        models.add("neurons G[2] {\n    equations 'dv/dt = -v/ms : 1'\n    threshold 'v > 1'\n    reset 'v = 0; v = ; w = 1'\n}\n");
        models.add("const \u00e9t\u00e9 = 3\n");
        models.add("dt = 0.1 ms\u200b\n");
        return models;
    }

    private static String group(String equation) {
        return "neurons G[1] {\n    equations '" + equation + "'\n}\n";
    }
}

package dev.myelin.compiler.driver;

import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.runtime.Simulation;
import dev.myelin.runtime.monitor.Recorder;

import java.util.Map;

/** Test helpers: compile model text and run its protocol. */
public final class Models {

    private Models() {
    }

    public static CompiledModel compile(String text) {
        return new ModelCompiler().compile(new SourceFile("test.myl", text));
    }

    public static Simulation run(String text) {
        Simulation sim = compile(text).instantiate(Map.of(), 7L);
        sim.runProtocol();
        return sim;
    }

    @SuppressWarnings("unchecked")
    public static <T extends Recorder> T recorder(Simulation sim, String name) {
        return (T) sim.recorders().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}

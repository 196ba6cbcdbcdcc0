package dev.myelin.cli;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import org.codehaus.janino.SimpleCompiler;

/**
 * Loads and exercises the code generator and the in-memory Java compiler on a second thread while
 * the main thread parses and checks the model: on a cold JVM most of compile time is class
 * loading, and this overlaps it with useful work. Results are discarded; failures are ignored
 * (the real compilation will report them).
 */
final class Warmup {

    private Warmup() {
    }

    static void inBackground() {
        Thread t = new Thread(Warmup::exercise, "myelin-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void exercise() {
        try {
            MethodSpec m = MethodSpec.methodBuilder("f").returns(double.class).addParameter(double[].class, "x")
                    .addStatement("double s = 0").beginControlFlow("for (int i = 0; i < x.length; i++)")
                    .addStatement("s += Math.exp(-x[i])").endControlFlow().addStatement("return s").build();
            String source = JavaFile.builder("dev.myelin.warmup", TypeSpec.classBuilder("W").addMethod(m).build()).build().toString();
            new SimpleCompiler().cook(source);
        } catch (Throwable ignored) {
            // Only a head start; nothing depends on it.
        }
    }
}

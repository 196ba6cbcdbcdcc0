package dev.myelin.compiler.codegen;

/**
 * The result of code generation: a class's name and Java source. Compiling it is a separate step
 * ({@code jit}), so the source can also be written out ({@code myelin emit-java}) or packed into a jar.
 */
public record GeneratedSource(String packageName, String simpleName, String source, String sourceHash) {

    public String className() {
        return packageName + "." + simpleName;
    }
}

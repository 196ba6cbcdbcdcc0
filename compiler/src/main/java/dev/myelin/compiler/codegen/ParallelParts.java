package dev.myelin.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The loops of a time step that {@code --threads} splits between threads: a group's state update
 * and its threshold. Each gets a part number; the advance loop hands the part to the simulation's
 * team of threads when there is one and the group is large enough, and otherwise calls the method
 * itself over the whole group. {@code runPart} dispatches a part number to its method.
 */
final class ParallelParts {

    static final ClassName STEP_TEAM = ClassName.get("dev.myelin.runtime.parallel", "StepTeam");

    /** A part: its method, and whether it returns a spike count. */
    private record Part(String method, boolean threshold) {
    }

    private final List<Part> parts = new ArrayList<>();

    /** The statement that runs {@code method(step, t, lo, hi)} over a group of {@code size} (a field), split when worth it. */
    String update(String method, String size) {
        int part = add(new Part(method, false));
        return "if (" + split(size) + ") team.run(this, " + part + ", this." + size + ", step, t); else " + whole(method, size);
    }

    /** The statement that sets {@code count} to the spikes of threshold {@code method} over a group, split when worth it. */
    String threshold(String method, String size, String spikes, String count) {
        int part = add(new Part(method, true));
        return "this." + count + " = " + split(size) + " ? team.spikes(this, " + part + ", this." + size + ", step, t, this." + spikes + ") : "
                + whole(method, size);
    }

    /** Whether this step hands a loop over a group of {@code size} to the team. */
    private static String split(String size) {
        return "team != null && " + STEP_TEAM.simpleName() + ".worthSplitting(this." + size + ")";
    }

    /** The call of a range method over the whole group, on this thread. */
    static String whole(String method, String size) {
        return method + "(step, t, 0, this." + size + ")";
    }

    private int add(Part p) {
        parts.add(p);
        return parts.size() - 1;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** {@code runPart}: the switch from part number to method. */
    MethodSpec runPart() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("runPart").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(int.class)
                .addParameter(int.class, "part").addParameter(int.class, "worker").addParameter(int.class, "lo").addParameter(int.class, "hi")
                .addParameter(long.class, "step").addParameter(double.class, "t");
        m.beginControlFlow("switch (part)");
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            if (p.threshold()) {
                m.addStatement("case $L: return $L(step, t, lo, hi)", k, p.method());
            } else {
                m.addStatement("case $L: $L(step, t, lo, hi); return 0", k, p.method());
            }
        }
        m.addStatement("default: throw new IllegalStateException(\"no part \" + part)");
        m.endControlFlow();
        return m.build();
    }
}

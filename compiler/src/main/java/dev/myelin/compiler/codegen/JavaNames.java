package dev.myelin.compiler.codegen;

/**
 * Names in generated code. '$' separates the parts, so that no user-chosen name (which cannot
 * contain '$') collides with another: group G's variable v is {@code G$v}.
 */
final class JavaNames {

    private JavaNames() {
    }

    static String array(String group, String variable) {
        return group + "$" + variable;
    }

    static String size(String group) {
        return group + "$N";
    }

    static String spikes(String group) {
        return group + "$spikes";
    }

    static String spikeCount(String group) {
        return group + "$nspikes";
    }

    static String param(String name) {
        return "p$" + name;
    }

    static String recorder(String monitor) {
        return "m$" + monitor;
    }
}

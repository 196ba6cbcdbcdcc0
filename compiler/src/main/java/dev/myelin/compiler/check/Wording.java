package dev.myelin.compiler.check;

import dev.myelin.compiler.diag.Suggestions;

import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.runtime.units.Dimension;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shared phrasing of the checker's messages: units as a Brian2 user reads them, example values in
 * the units neuroscientists write, the text the user wrote, and "did you mean" suggestions.
 */
final class Wording {

    private Wording() {
    }

    /** The unit a user would write for a value of this dimension in an example. */
    private static final Map<Dimension, String> FAMILIAR = Map.of(
            Dimension.VOLT, "mV",
            Dimension.AMPERE, "nA",
            Dimension.SECOND, "ms",
            Dimension.SIEMENS, "nS",
            Dimension.FARAD, "pF",
            Dimension.HERTZ, "Hz",
            Dimension.OHM, "Mohm",
            Dimension.METRE, "um");

    /** "in volt", or "dimensionless": completes "this is ...". */
    static String unitOf(Dimension d) {
        return d.isDimensionless() ? "dimensionless" : "in " + d;
    }

    /** "is in volt" / "is dimensionless". */
    static String is(Dimension d) {
        return "is " + unitOf(d);
    }

    /** A unit to write in an example value: mV for volt, nA for amp, ... */
    static String exampleUnit(Dimension d) {
        String familiar = FAMILIAR.get(d);
        if (familiar != null) return familiar;
        String name = d.toString();
        return name.matches("[a-z]+") ? name : "(" + name + ")";
    }

    /** An example value of this dimension, e.g. {@code 0.5*mV}, or {@code 0.5} when dimensionless. */
    static String example(String number, Dimension d) {
        return d.isDimensionless() ? number : number + "*" + exampleUnit(d);
    }

    /** The text the user wrote at {@code span} (one line at most). */
    static String text(SourceSpan span) {
        String line = span.file().line(span.line());
        int from = Math.min(line.length(), span.column() - 1);
        int to = Math.min(line.length(), from + span.length());
        return line.substring(from, to);
    }

    /** The text at {@code span}, in parentheses unless it is a single name or number. */
    static String operand(SourceSpan span) {
        String text = text(span);
        if (text.matches("-?[A-Za-z_0-9.]+")) return text;
        // (a + b) or f(a, b): atomic when the first '(' closes at the very end.
        int open = text.indexOf('(');
        if (open >= 0 && text.substring(0, open).matches("[A-Za-z_0-9]*") && closes(text, open) == text.length() - 1) return text;
        return "(" + text + ")";
    }

    /** The index of the ')' matching the '(' at {@code open}, or -1. */
    private static int closes(String text, int open) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            if (text.charAt(k) == '(') depth++;
            if (text.charAt(k) == ')' && --depth == 0) return k;
        }
        return -1;
    }

    static Optional<String> closest(String name, Collection<String> candidates) {
        return Suggestions.closest(name, candidates);
    }

    /** Unit names to suggest for {@code name}: without the squared and cubed forms (volt2, cm3) unless it ends in a digit. */
    static List<String> unitCandidates(Collection<String> units, String name) {
        boolean powered = !name.isEmpty() && Character.isDigit(name.charAt(name.length() - 1));
        return units.stream().filter(u -> powered || !(u.endsWith("2") || u.endsWith("3"))).toList();
    }

    /** "did you mean 'x'?" for a close candidate, else {@code otherwise}. */
    static String didYouMean(String name, Collection<String> candidates, String otherwise) {
        return closest(name, candidates).map(c -> "did you mean '" + c + "'?").orElse(otherwise);
    }
}

package dev.myelin.runtime.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A small JSON writer and reader for manifests and checkpoints.
 *
 * <p>{@link #write} lays text out as Python's {@code json.dumps(value, indent=2)} does: one member
 * or element per line, two spaces per level, {@code "key": value}, and {@code NaN},
 * {@code Infinity}, {@code -Infinity} for the non-finite doubles. Non-ASCII characters are written
 * as they are, not as {@code \\u} escapes.
 *
 * <p>{@link #parse} accepts standard JSON plus those three non-finite names, and returns
 * {@link java.util.LinkedHashMap} (member order kept; a repeated key keeps its last value),
 * {@link java.util.ArrayList}, {@link String}, {@link Long} for integers that fit in a long,
 * {@link Double} for every other number, {@link Boolean} and {@code null}.
 */
public final class Json {

    private static final String INDENT = "  ";

    private Json() {
    }

    /**
     * @param value a {@link Map} with {@link CharSequence} keys, a {@link Collection}, a {@link CharSequence},
     *     a {@link Number}, a {@link Boolean}, {@code null}, or a {@code double[]}, {@code int[]} or {@code long[]},
     *     nested freely
     * @throws IllegalArgumentException for any other type or a non-string map key
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(out, value, 0);
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException on malformed text, with a message naming the line and column
     */
    public static Object parse(String text) {
        return new JsonParser(text).document();
    }

    private static void writeValue(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            writeString(out, text);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value instanceof Number number) {
            out.append(numberText(number));
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, depth);
        } else if (value instanceof Collection<?> items) {
            writeArray(out, items, depth);
        } else if (value instanceof double[] doubles) {
            writeElements(out, doubles.length, depth, i -> out.append(doubleText(doubles[i])));
        } else if (value instanceof int[] ints) {
            writeElements(out, ints.length, depth, i -> out.append(ints[i]));
        } else if (value instanceof long[] longs) {
            writeElements(out, longs.length, depth, i -> out.append(longs[i]));
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof CharSequence key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, not " + member.getKey());
            }
            out.append(first ? "\n" : ",\n").append(INDENT.repeat(depth + 1));
            writeString(out, key);
            out.append(": ");
            writeValue(out, member.getValue(), depth + 1);
            first = false;
        }
        out.append('\n').append(INDENT.repeat(depth)).append('}');
    }

    private static void writeArray(StringBuilder out, Collection<?> items, int depth) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            out.append(first ? "\n" : ",\n").append(INDENT.repeat(depth + 1));
            writeValue(out, item, depth + 1);
            first = false;
        }
        out.append('\n').append(INDENT.repeat(depth)).append(']');
    }

    /** Writes a primitive array; {@code element} appends the i-th element's text. */
    private static void writeElements(StringBuilder out, int size, int depth, IntConsumer element) {
        if (size == 0) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "\n" : ",\n").append(INDENT.repeat(depth + 1));
            element.accept(i);
        }
        out.append('\n').append(INDENT.repeat(depth)).append(']');
    }

    private static String numberText(Number number) {
        if (number instanceof Double d) {
            return doubleText(d);
        }
        if (number instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? doubleText(f) : Float.toString(f);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.toString();
        }
        return doubleText(number.doubleValue());
    }

    private static String doubleText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(d);
    }

    /** {@code text} as a quoted JSON string, which is also a valid Java string literal. */
    public static String quote(CharSequence text) {
        StringBuilder out = new StringBuilder();
        writeString(out, text);
        return out.toString();
    }

    private static void writeString(StringBuilder out, CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

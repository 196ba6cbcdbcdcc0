package dev.myelin.runtime.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent reader behind {@link Json#parse}; one instance reads one document. */
final class JsonParser {

    /** Deeper nesting than any manifest needs; the bound turns hostile input into an error, not a stack overflow. */
    private static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;
    private int depth;

    JsonParser(String text) {
        if (text == null) {
            throw new IllegalArgumentException("malformed JSON: no text (null)");
        }
        this.text = text;
    }

    Object document() {
        skipWhitespace();
        Object value = value();
        skipWhitespace();
        if (pos < text.length()) {
            throw error("unexpected " + describeHere() + " after the end of the document");
        }
        return value;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("expected a value but the text ends");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            case 'N' -> literal("NaN", Double.NaN);
            case 'I' -> literal("Infinity", Double.POSITIVE_INFINITY);
            default -> {
                if (c == '-' && text.startsWith("-Infinity", pos)) {
                    yield literal("-Infinity", Double.NEGATIVE_INFINITY);
                }
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a value but found " + describeHere());
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        Map<String, Object> members = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peekIs('}')) {
            pos++;
            depth--;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (!peekIs('"')) {
                throw error("expected a member name in double quotes but found " + describeHere());
            }
            String key = string();
            skipWhitespace();
            expect(':', "after the member name");
            skipWhitespace();
            members.put(key, value());
            skipWhitespace();
            if (peekIs(',')) {
                pos++;
            } else if (peekIs('}')) {
                pos++;
                depth--;
                return members;
            } else {
                throw error("expected ',' or '}' after an object member but found " + describeHere());
            }
        }
    }

    private List<Object> array() {
        enter();
        List<Object> items = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peekIs(']')) {
            pos++;
            depth--;
            return items;
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            if (peekIs(',')) {
                pos++;
            } else if (peekIs(']')) {
                pos++;
                depth--;
                return items;
            } else {
                throw error("expected ',' or ']' after an array element but found " + describeHere());
            }
        }
    }

    private String string() {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("raw control character U+" + String.format("%04X", (int) c) + " in a string; escape it");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("string ends inside an escape");
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    pos -= 2;
                    throw error("unknown escape \\" + escaped);
                }
            }
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("\\u needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("\\u needs four hex digits");
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }

    private Object number() {
        int start = pos;
        if (peekIs('-')) {
            pos++;
        }
        if (peekIs('0')) {
            pos++;
        } else if (digits() == 0) {
            throw error("expected digits in a number but found " + describeHere());
        }
        boolean integral = true;
        if (peekIs('.')) {
            pos++;
            integral = false;
            if (digits() == 0) {
                throw error("expected digits after the decimal point but found " + describeHere());
            }
        }
        if (peekIs('e') || peekIs('E')) {
            pos++;
            integral = false;
            if (peekIs('+') || peekIs('-')) {
                pos++;
            }
            if (digits() == 0) {
                throw error("expected digits in the exponent but found " + describeHere());
            }
        }
        String literal = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooBig) {
                return Double.parseDouble(literal);
            }
        }
        return Double.parseDouble(literal);
    }

    private int digits() {
        int count = 0;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
            count++;
        }
        return count;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected a value but found " + describeHere());
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char wanted, String where) {
        if (!peekIs(wanted)) {
            throw error("expected '" + wanted + "' " + where + " but found " + describeHere());
        }
        pos++;
    }

    private boolean peekIs(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "the end of the text";
        }
        char c = text.charAt(pos);
        return c < 0x20 ? "U+" + String.format("%04X", (int) c) : "'" + c + "'";
    }

    /** An error naming the 1-based line and column of the current position. */
    private IllegalArgumentException error(String reason) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = pos - lineStart + 1;
        return new IllegalArgumentException("malformed JSON at " + line + ":" + column + ": " + reason);
    }
}

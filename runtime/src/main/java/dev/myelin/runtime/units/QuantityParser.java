package dev.myelin.runtime.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a quantity typed on a command line or in a settings file: {@code 0.7nA}, {@code 0.7 nA},
 * {@code -65*mV}, {@code 1e-3}, {@code 20 um**2}, {@code 2.5 mV/ms}, {@code 1/ms}, {@code ms}.
 *
 * <pre>
 * quantity := [sign] number [ ['*'] units | '/' units ]  |  [sign] units
 * units    := factor (('*' | '/') factor)*        left to right, as in Python
 * factor   := name ['**' power]  |  '(' units ')' ['**' power]      (power: whole or half-integer)
 * integer  := ['-'] digits  |  '(' ['-'] digits ')'
 * </pre>
 * Spaces are allowed between any two tokens; {@code 1/ms} divides the number by the units, and a
 * bare unit such as {@code ms} means one of it. Unit names come from a {@link UnitTable}.
 *
 * <p>The result is in SI. Powers of ten from the units are added up as exponents and applied once,
 * so {@code 2.5 mV/ms} is exactly 2.5 and {@code 20 um**2} is {@code 20 * 1e-12}, the same as
 * Brian2's {@code 20*um2}.
 */
public final class QuantityParser {

    private final String text;
    private final UnitTable units;
    private int pos;

    private QuantityParser(String text, UnitTable units) {
        this.text = text;
        this.units = units;
    }

    /**
     * @throws IllegalArgumentException with a message meant for the person who typed {@code text},
     *     such as {@code cannot read '0.7 nAmp': unknown unit 'nAmp'}
     */
    public static Quantity parse(String text, UnitTable units) {
        if (text == null) {
            throw new IllegalArgumentException("cannot read a quantity from nothing (null)");
        }
        return new QuantityParser(text, units).quantity();
    }

    private Quantity quantity() {
        skipSpaces();
        if (atEnd()) {
            throw error("expected a number, optionally followed by a unit");
        }
        double sign = 1;
        if (peek() == '+' || peek() == '-') {
            sign = next() == '-' ? -1 : 1;
            skipSpaces();
        }
        Double number = number();
        Scale scale;
        skipSpaces();
        if (number == null) {
            if (atEnd() || !(isNameStart(peek()) || peek() == '(')) {
                throw error(atEnd() ? "expected a number or a unit after the sign" : unexpected());
            }
            scale = product(factor());
        } else if (atEnd()) {
            scale = Scale.ONE;
        } else if (peek() == '*') {
            next();
            scale = product(factor());
        } else if (peek() == '/') {
            scale = product(Scale.ONE);
        } else if (peek() == '(' || isNameStart(peek())) {
            scale = product(factor());
        } else {
            throw error(unexpected());
        }
        skipSpaces();
        if (!atEnd()) {
            throw error(unexpected());
        }
        double value = sign * (number == null ? 1.0 : number);
        return new Quantity(value * scale.value(), scale.dimension());
    }

    private Scale product(Scale left) {
        while (true) {
            skipSpaces();
            if (atEnd()) {
                return left;
            }
            char c = peek();
            if (c == '*' && !text.startsWith("**", pos)) {
                next();
                left = left.times(factor());
            } else if (c == '/') {
                next();
                left = left.times(factor().power(-1));
            } else {
                return left;
            }
        }
    }

    private Scale factor() {
        skipSpaces();
        Scale base;
        if (atEnd()) {
            throw error("expected a unit name at the end");
        } else if (peek() == '(') {
            next();
            base = product(factor());
            skipSpaces();
            expect(')');
        } else if (isNameStart(peek())) {
            base = Scale.of(unit(name()));
        } else {
            throw error("expected a unit name but found " + describe(peek()) + " at character " + (pos + 1));
        }
        skipSpaces();
        if (text.startsWith("**", pos)) {
            pos += 2;
            double power = power();
            try {
                return base.power(power);
            } catch (ArithmeticException e) {
                throw error("powers this large cannot be represented");
            }
        }
        if (!atEnd() && peek() == '^') {
            throw error("'^' at character " + (pos + 1) + " is not a power; write powers as **, e.g. um**2");
        }
        return base;
    }

    /** A whole or half-integer power such as 2, -1, 0.5 or -1.5 (Brian2's noise is in second**-0.5). */
    private double power() {
        skipSpaces();
        boolean parenthesised = !atEnd() && peek() == '(';
        if (parenthesised) {
            next();
            skipSpaces();
        }
        int start = pos;
        if (!atEnd() && (peek() == '-' || peek() == '+')) {
            next();
        }
        while (!atEnd() && (isAsciiDigit(peek()) || peek() == '.')) {
            next();
        }
        String digits = text.substring(start, pos);
        if (digits.isEmpty() || !isAsciiDigit(digits.charAt(digits.length() - 1)) || digits.indexOf('.') != digits.lastIndexOf('.')) {
            throw error("expected a whole-number power after ** at character " + (start + 1));
        }
        if (parenthesised) {
            skipSpaces();
            expect(')');
        }
        // Real unit powers are small; the bound keeps exponent arithmetic far from overflow.
        if (digits.replaceFirst("^[+-]", "").replaceFirst("\\..*", "").length() > 3) {
            throw error("power " + digits + " is too large");
        }
        double power = Double.parseDouble(digits);
        if (power * 2 != Math.rint(power * 2)) {
            throw error("power " + digits + " is not a whole number or a half (such as 2, -1 or -0.5)");
        }
        return power;
    }

    /** A decimal number such as 65, 0.7, .5, 5. or 1e-3, or null when none starts here. */
    private Double number() {
        int start = pos;
        int digits = skipDigits();
        if (!atEnd() && peek() == '.') {
            next();
            digits += skipDigits();
        }
        if (digits == 0) {
            pos = start;
            return null;
        }
        // Take an exponent only when digits follow, so that 1Emetre reads as 1 exametre.
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            int mark = pos;
            next();
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                next();
            }
            if (skipDigits() == 0) {
                pos = mark;
            }
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private Unit unit(String name) {
        return units.lookup(name).orElseThrow(() -> error(unknownUnit(name)));
    }

    private String unknownUnit(String name) {
        if (name.equals("celsius")) {
            return "'celsius' is not a unit (Brian2 dropped it); use kelvin for temperature differences";
        }
        List<String> sameLetters = new ArrayList<>();
        for (String known : units.names()) {
            if (known.equalsIgnoreCase(name)) {
                sameLetters.add(known);
            }
        }
        String message = "unknown unit '" + name + "'";
        // Abbreviations from other tools that Brian2 does not define.
        String spelled = switch (name) {
            case "s", "sec", "secs" -> "second";
            case "hz", "HZ" -> "Hz";
            case "v" -> "volt";
            case "a" -> "amp";
            default -> null;
        };
        if (spelled != null && units.lookup(spelled).isPresent()) return message + " (did you mean " + spelled + "?)";
        return sameLetters.isEmpty() ? message : message + " (did you mean " + String.join(" or ", sameLetters) + "?)";
    }

    private String name() {
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            next();
        }
        return text.substring(start, pos);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private int skipDigits() {
        int count = 0;
        while (!atEnd() && isAsciiDigit(peek())) {
            next();
            count++;
        }
        return count;
    }

    private void expect(char wanted) {
        if (atEnd()) {
            throw error("expected '" + wanted + "' at the end");
        }
        if (peek() != wanted) {
            throw error("expected '" + wanted + "' but found " + describe(peek()) + " at character " + (pos + 1));
        }
        next();
    }

    private String unexpected() {
        return "unexpected " + describe(peek()) + " at character " + (pos + 1);
    }

    private static String describe(char c) {
        return Character.isWhitespace(c) ? "a space" : "'" + c + "'";
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private char next() {
        return text.charAt(pos++);
    }

    private IllegalArgumentException error(String reason) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "cannot read '%s': %s", text, reason));
    }

    /**
     * A unit expression's scale kept as {@code factor * 10^exponent}; Brian2's scales are all powers
     * of ten, so {@code factor} stays exactly 1 and the final scale is the correctly rounded 10^n.
     */
    private record Scale(double factor, int exponent, Dimension dimension) {
        static final Scale ONE = new Scale(1, 0, Dimension.DIMENSIONLESS);

        static Scale of(Unit unit) {
            int exponent = (int) Math.round(Math.log10(unit.scale()));
            double powerOfTen = Double.parseDouble("1e" + exponent);
            return unit.scale() == powerOfTen
                    ? new Scale(1, exponent, unit.dimension())
                    : new Scale(unit.scale(), 0, unit.dimension());
        }

        Scale times(Scale other) {
            return new Scale(factor * other.factor, exponent + other.exponent, dimension.times(other.dimension));
        }

        Scale power(double n) {
            if (n == Math.rint(n)) {
                int whole = (int) n;
                return new Scale(Math.pow(factor, whole), Math.multiplyExact(exponent, whole), dimension.power(whole));
            }
            // A half power of a power of ten is not one; keep the plain product.
            Dimension d = dimension.power(n).orElseThrow(() -> new ArithmeticException("unit power " + n));
            return new Scale(Math.pow(value(), n), 0, d);
        }

        double value() {
            return factor * Double.parseDouble("1e" + exponent);
        }
    }
}

package dev.myelin.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesLikePythonJsonDumpsWithIndentTwo() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", "cuba");
        manifest.put("dt", 1.0E-4);
        manifest.put("steps", 10000L);
        manifest.put("groups", List.of(Map.of("size", 4000), List.of()));
        manifest.put("seed", null);
        manifest.put("ok", true);
        manifest.put("empty", Map.of());
        String expected = String.join("\n",
                "{",
                "  \"name\": \"cuba\",",
                "  \"dt\": 1.0E-4,",
                "  \"steps\": 10000,",
                "  \"groups\": [",
                "    {",
                "      \"size\": 4000",
                "    },",
                "    []",
                "  ],",
                "  \"seed\": null,",
                "  \"ok\": true,",
                "  \"empty\": {}",
                "}");
        assertEquals(expected, Json.write(manifest));
    }

    @Test
    void scalarsStandAlone() {
        assertEquals("null", Json.write(null));
        assertEquals("false", Json.write(false));
        assertEquals("\"x\"", Json.write("x"));
        assertEquals("[]", Json.write(List.of()));
        assertEquals("{}", Json.write(new LinkedHashMap<>()));
    }

    @Test
    void numbersKeepTheirKind() {
        assertEquals("3", Json.write(3));
        assertEquals("3", Json.write(3L));
        assertEquals("-7", Json.write((short) -7));
        assertEquals("3.0", Json.write(3.0));
        assertEquals("0.1", Json.write(0.1));
        assertEquals("0.1", Json.write(0.1f));
        assertEquals("1.0E20", Json.write(1e20));
        assertEquals("-0.0", Json.write(-0.0));
        assertEquals("NaN", Json.write(Double.NaN));
        assertEquals("Infinity", Json.write(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Json.write(Float.NEGATIVE_INFINITY));
        assertEquals("123456789012345678901234567890", Json.write(new BigInteger("123456789012345678901234567890")));
        assertEquals("1.50", Json.write(new BigDecimal("1.50")));
    }

    @Test
    void primitiveArraysAreWrittenAsLists() {
        assertEquals("[\n  1.5,\n  NaN\n]", Json.write(new double[] {1.5, Double.NaN}));
        assertEquals("[\n  1,\n  -2\n]", Json.write(new int[] {1, -2}));
        assertEquals("[\n  9007199254740993\n]", Json.write(new long[] {9007199254740993L}));
        assertEquals("[]", Json.write(new int[0]));
        assertEquals("{\n  \"shape\": [\n    2,\n    3\n  ]\n}", Json.write(Map.of("shape", new int[] {2, 3})));
    }

    @Test
    void stringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f/é€\"", Json.write("a\"b\\c\n\r\t\b\f\u0001\u001f/é€"));
        String tricky = "quote \" backslash \\ newline \n tab \t nul \u0000 unicode \u2028 😀";
        assertEquals(tricky, Json.parse(Json.write(tricky)));
    }

    @Test
    void unsupportedValuesAreRefused() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertEquals("cannot write a java.lang.Object as JSON", type.getMessage());
        Map<Object, Object> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "one");
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> Json.write(intKeys));
        assertEquals("JSON object keys must be strings, not 1", key.getMessage());
    }

    @Test
    void roundTripGivesMapsListsLongsAndDoubles() {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("z", 1L);
        original.put("a", -2.5);
        original.put("list", new ArrayList<>(List.of("x", true, false, 0L, 1.0E-300)));
        original.put("nested", new LinkedHashMap<>(Map.of("k", new ArrayList<>())));
        original.put("nothing", null);
        original.put("big", Long.MAX_VALUE);
        Object parsed = Json.parse(Json.write(original));
        assertEquals(original, parsed);
        assertEquals(List.of("z", "a", "list", "nested", "nothing", "big"), new ArrayList<>(((Map<?, ?>) parsed).keySet()));
        assertTrue(parsed instanceof LinkedHashMap);
    }

    @Test
    void nonFiniteNumbersRoundTrip() {
        List<?> values = (List<?>) Json.parse(Json.write(new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}));
        assertTrue(Double.isNaN((Double) values.get(0)));
        assertEquals(Double.POSITIVE_INFINITY, values.get(1));
        assertEquals(Double.NEGATIVE_INFINITY, values.get(2));
    }

    @Test
    void parsesCompactAndSpacedText() {
        assertEquals(Arrays.asList(1L, -0.5, 2.0E3, "u\u00e9", null, List.of()), Json.parse(" [1,-0.5 , 2e3,\"u\\u00e9\",null,[]]\r\n"));
        assertEquals(Map.of("a", Map.of("b", List.of(true))), Json.parse("{\"a\":{\"b\":[true]}}"));
        assertEquals(12345678901234567890.0, Json.parse("12345678901234567890"));
        assertEquals(0L, Json.parse("0"));
        assertEquals(-0.0, Json.parse("-0.0"));
        assertEquals("/", Json.parse("\"\\/\""));
        assertNull(Json.parse("null"));
        assertEquals(Map.of("k", 2L), Json.parse("{\"k\": 1, \"k\": 2}"));
    }

    private static void assertMalformed(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void malformedTextIsReportedByLineAndColumn() {
        assertMalformed("", "malformed JSON at 1:1: expected a value but the text ends");
        assertMalformed("{\n  \"a\": 1\n  \"b\": 2\n}",
                "malformed JSON at 3:3: expected ',' or '}' after an object member but found '\"'");
        assertMalformed("[1, 2,]", "malformed JSON at 1:7: expected a value but found ']'");
        assertMalformed("{\"a\" 1}", "malformed JSON at 1:6: expected ':' after the member name but found '1'");
        assertMalformed("{a: 1}", "malformed JSON at 1:2: expected a member name in double quotes but found 'a'");
        assertMalformed("[1] x", "malformed JSON at 1:5: unexpected 'x' after the end of the document");
        assertMalformed("\"abc", "malformed JSON at 1:1: string is not closed");
        assertMalformed("\"a\\qb\"", "malformed JSON at 1:3: unknown escape \\q");
        assertMalformed("\"a\nb\"", "malformed JSON at 1:3: raw control character U+000A in a string; escape it");
        assertMalformed("01", "malformed JSON at 1:2: unexpected '1' after the end of the document");
        assertMalformed("1.", "malformed JSON at 1:3: expected digits after the decimal point but found the end of the text");
        assertMalformed("-", "malformed JSON at 1:2: expected digits in a number but found the end of the text");
        assertMalformed("1e+", "malformed JSON at 1:4: expected digits in the exponent but found the end of the text");
        assertMalformed("tru", "malformed JSON at 1:1: expected a value but found 't'");
        assertMalformed("\"\\u12G4\"", "malformed JSON at 1:4: \\u needs four hex digits");
        assertMalformed("[".repeat(600), "malformed JSON at 1:513: nesting deeper than 512 levels");
    }
}

package dev.myelin.compiler.parse;

import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.grammar.MyelinLexer;
import dev.myelin.grammar.MyelinParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into Myelin diagnostics that say, in words, what was expected.
 * Only the first error of a parse is reported: later ones are usually echoes of it.
 */
final class SyntaxErrors extends BaseErrorListener {

    private final Diagnostics diagnostics;
    private final TextOrigin origin;
    private final String context;
    private boolean reported;

    /** {@code context} names what is being parsed, e.g. "equations", for the messages. */
    SyntaxErrors(Diagnostics diagnostics, TextOrigin origin, String context) {
        this.diagnostics = diagnostics;
        this.origin = origin;
        this.context = context;
    }

    boolean reported() {
        return reported;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                            String antlrMessage, RecognitionException e) {
        if (reported) return;
        reported = true;
        if (!(offendingSymbol instanceof Token token)) {
            // A lexer error: a character no token starts with.
            SourceSpan at = origin.span(line, column, 1);
            diagnostics.error(at, "unexpected character", "remove it; strings are written between ' or ''' quotes");
            return;
        }
        SourceSpan at = origin.span(token);
        if (token.getType() == MyelinLexer.ERROR_CHAR) {
            String ch = token.getText();
            if (ch.equals("'") || ch.equals("\"")) {
                diagnostics.error(at, "unterminated string", "close it with " + ch + " on the same line, or use ''' for text over several lines");
            } else {
                diagnostics.error(at, "unexpected character '" + ch + "'", "remove it");
            }
            return;
        }
        Parser parser = (Parser) recognizer;
        IntervalSet expected = e != null && !(e instanceof NoViableAltException) ? e.getExpectedTokens() : parser.getExpectedTokens();
        String found = describe(token);
        String message = "unexpected " + found + (context.isEmpty() ? "" : " in " + context);
        diagnostics.error(at, message, help(parser, token, expected, e));
    }

    private String help(Parser parser, Token token, IntervalSet expected, RecognitionException e) {
        String rule = parser.getContext() == null ? "" : MyelinParser.ruleNames[parser.getContext().getRuleIndex()];
        if (rule.equals("unitSpec") || rule.equals("unitFactor") || rule.equals("flags") || rule.equals("flag")) {
            return "after the ':' comes the unit, then optional flags in parentheses, e.g. ': volt (unless refractory)'";
        }
        if (rule.equals("equation") || rule.equals("equationBlock")) {
            return "write one equation per line, ending with its unit: 'dv/dt = -v/tau : volt', 'x = expr : unit' or 'x : unit'";
        }
        if (rule.equals("statement") || rule.equals("statementBlock")) {
            return "write statements as 'name = expression' (or +=, -=, *=, /=), separated by newlines or ';'";
        }
        if (rule.equals("groupItem") || rule.equals("neuronGroup")) {
            return "a neurons block holds: equations, threshold, reset, refractory, method, init";
        }
        if (rule.equals("item") || rule.equals("model")) {
            return "a model file holds: dt, seed, const, param, neurons, spikemonitor, statemonitor, ratemonitor, run, and assignments 'G.x = value'";
        }
        String want = expectedWords(expected);
        return want.isEmpty() ? "" : "expected " + want;
    }

    private static String expectedWords(IntervalSet expected) {
        if (expected == null || expected.isNil()) return "";
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int type : expected.toList()) {
            String name = MyelinParser.VOCABULARY.getLiteralName(type);
            if (name == null) {
                name = switch (MyelinParser.VOCABULARY.getSymbolicName(type) == null ? "" : MyelinParser.VOCABULARY.getSymbolicName(type)) {
                    case "ID" -> "a name";
                    case "NUMBER" -> "a number";
                    case "STRING" -> "a quoted string";
                    case "NEWLINE" -> "a new line";
                    case "EOF" -> "the end";
                    default -> null;
                };
            }
            if (name == null || out.indexOf(name) >= 0) continue;
            if (count++ > 0) out.append(", ");
            out.append(name);
            if (count == 8) {
                out.append(", ...");
                break;
            }
        }
        return out.toString();
    }

    static String describe(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of text";
            case MyelinLexer.NEWLINE -> "end of line";
            case MyelinLexer.STRING -> "string";
            default -> "'" + token.getText() + "'";
        };
    }
}

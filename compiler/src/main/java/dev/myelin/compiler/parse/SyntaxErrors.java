package dev.myelin.compiler.parse;

import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.Suggestions;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.grammar.MyelinLexer;
import dev.myelin.grammar.MyelinParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns ANTLR's syntax errors into Myelin diagnostics that say, in words, what is wrong and what
 * to write instead. The common mistakes (a missing unit, a missing '}', a misspelt keyword, '=='
 * in a reset, an unterminated string) get their own message; anything else gets "unexpected X"
 * with what was expected. Only the first error of a parse is reported: later ones are usually
 * echoes of it.
 */
final class SyntaxErrors extends BaseErrorListener {

    /** What may start a line of a model file. */
    private static final List<String> FILE_KEYWORDS = List.of(
            "dt", "seed", "const", "param", "neurons", "synapses", "poisson", "poissoninput", "spikegenerator", "timedarray", "spikemonitor", "statemonitor",
            "ratemonitor", "eventmonitor", "run", "save", "for", "while", "repeat", "if", "print", "store", "restore");
    /** What a neurons block holds. */
    private static final List<String> GROUP_KEYWORDS = List.of("equations", "threshold", "reset", "refractory", "method", "init");
    private static final Set<Integer> FILE_KEYWORD_TYPES = Set.of(MyelinLexer.DT_KW, MyelinLexer.SEED_KW, MyelinLexer.CONST,
            MyelinLexer.PARAM, MyelinLexer.NEURONS, MyelinLexer.SPIKEMONITOR, MyelinLexer.STATEMONITOR, MyelinLexer.RATEMONITOR,
            MyelinLexer.RUN, MyelinLexer.SYNAPSES, MyelinLexer.POISSON, MyelinLexer.SPIKEGENERATOR, MyelinLexer.TIMEDARRAY, MyelinLexer.SAVE, MyelinLexer.POISSONINPUT);
    /** Tokens after which a value must follow. */
    private static final Set<String> NEEDS_OPERAND = Set.of("=", "+=", "-=", "*=", "/=", "+", "-", "*", "/", "//", "%", "**",
            "<", "<=", ">", ">=", "==", "!=", "and", "or", "not", "(", "[", ",");

    private final Diagnostics diagnostics;
    private final TextOrigin origin;
    private final String context;
    private boolean reported;

    /** {@code context} names what is being parsed, e.g. "equations", for the messages; "" for the file. */
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
            diagnostics.error(origin.span(line, column, 1), "unexpected character", "remove it");
            return;
        }
        if (token.getType() == MyelinLexer.ERROR_CHAR) {
            badCharacter(token);
            return;
        }
        Parser parser = (Parser) recognizer;
        // The parser's own state is more precise than the exception's, which may be from a sub-rule already left.
        IntervalSet expected = parser.getExpectedTokens();
        if (expected.isNil() && e != null) expected = e.getExpectedTokens();
        new Report(parser, token, expected).emit();
    }

    // ── characters ──

    private void badCharacter(Token token) {
        SourceSpan at = origin.span(token);
        String ch = token.getText();
        if (ch.equals("'") || ch.equals("\"")) {
            CharStream chars = token.getInputStream();
            int start = token.getStartIndex();
            String triple = ch.repeat(3);
            if (start >= 2 && chars.getText(Interval.of(start - 2, start)).equals(triple)) {
                SourceSpan opening = new SourceSpan(at.file(), at.line(), at.column() - 2, 3);
                diagnostics.error(opening, "unterminated string: this " + triple + " is never closed",
                        "close it with " + triple + " after its last line");
            } else {
                diagnostics.error(at, "unterminated string", "close it with " + ch + " on the same line, or use " + triple + " for text over several lines");
            }
            return;
        }
        switch (ch) {
            case "µ", "μ" -> diagnostics.error(at, "unexpected character '" + ch + "'", "Brian2 writes the prefix micro as 'u': us, uA, umetre");
            case "‘", "’", "“", "”" -> diagnostics.error(at, "unexpected character '" + ch + "'", "use straight quotes: ' or '''");
            default -> {
                int codePoint = ch.codePointAt(0);
                if (Character.isLetter(codePoint)) {
                    diagnostics.error(at, "unexpected character '" + ch + "'", "names are written with the letters a-z and A-Z, digits and '_'");
                } else if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
                        || Character.isSpaceChar(codePoint)) {
                    diagnostics.error(at, String.format("unexpected invisible character U+%04X", codePoint), "delete it (retype the text around it if your editor hides it)");
                } else {
                    diagnostics.error(at, "unexpected character '" + ch + "'", "remove it");
                }
            }
        }
    }

    // ── parser errors ──

    /** One syntax error, with what is around it. */
    private final class Report {
        private final Parser parser;
        private final Token token;
        private final IntervalSet expected;
        private final Token previous;
        private final ParserRuleContext rule;

        Report(Parser parser, Token token, IntervalSet expected) {
            this.parser = parser;
            this.token = token;
            this.expected = expected == null ? new IntervalSet() : expected;
            this.previous = visibleBefore(parser.getInputStream(), token.getTokenIndex());
            this.rule = parser.getContext();
        }

        void emit() {
            if (context.isEmpty() ? fileLevel() : codeString()) return;
            generic();
        }

        // ── Brian2 code in strings ──

        private boolean codeString() {
            boolean end = isEnd(token);
            if (previous == null && end) {
                diagnostics.error(at(), "the " + noun() + " is empty", "write " + example());
                return true;
            }
            if (inside(MyelinParser.RULE_equationBlock) || inside(MyelinParser.RULE_equation)) return equation(end);
            if (inside(MyelinParser.RULE_statementBlock)) return statement();
            if (inside(MyelinParser.RULE_expressionOnly)) return expression();
            return false;
        }

        private boolean equation(boolean end) {
            String prev = previous == null ? "" : previous.getText();
            boolean inUnit = inside(MyelinParser.RULE_unitSpec) || inside(MyelinParser.RULE_unitFactor);
            if (prev.equals(":") && (end || token.getText().equals("("))) {
                diagnostics.error(at(), "missing unit after ':'", "write the unit of the variable, e.g. ': volt', or ': 1' if it has no unit");
                return true;
            }
            if (inside(MyelinParser.RULE_flags) || inside(MyelinParser.RULE_flag)) {
                if (end && expects(")")) {
                    diagnostics.error(at(), "missing ')' at the end of the flags", "close the flags, e.g. ': volt (unless refractory)'");
                    return true;
                }
                diagnostics.error(at(), unexpected(), "flags are words in parentheses after the unit, separated by commas, e.g. '(constant, shared)'");
                return true;
            }
            if (!inUnit && expects(":")) {
                if (end) {
                    diagnostics.error(at(), "missing ':' and a unit at the end of this equation",
                            "every equation ends with the unit of its variable, e.g. 'dv/dt = -v/tau : volt' (': 1' if it has no unit)");
                } else if (token.getType() == MyelinLexer.ID || isKeyword(token)) {
                    diagnostics.error(at(), unexpected(), "write ':' before the unit, e.g. 'dv/dt = -v/tau : volt'");
                } else {
                    return false;
                }
                return true;
            }
            if (previousIsPartOfUnit() && !end) {
                if (token.getText().equals("+") || token.getText().equals("-")) {
                    diagnostics.error(at(), unexpected(), "units are combined with '*', '/' and '**', e.g. ': amp/metre**2'");
                } else if (token.getType() == MyelinLexer.ID || isKeyword(token)) {
                    diagnostics.error(at(), unexpected(), "write one equation per line; flags go in parentheses, e.g. ': volt (unless refractory)'");
                } else {
                    return false;
                }
                return true;
            }
            return false;
        }

        private boolean statement() {
            String text = token.getText();
            if (text.equals("==")) {
                diagnostics.error(at(), unexpected(), "'==' compares; to assign, write '" + (previous == null ? "v" : previous.getText()) + " = ...'");
                return true;
            }
            if (text.equals(",")) {
                diagnostics.error(at(), unexpected(), "separate statements with ';' or a new line, e.g. 'v = Vr; w += b'");
                return true;
            }
            return false;
        }

        private boolean expression() {
            if (token.getText().equals("=")) {
                String help = context.equals("value") ? "write only the value here, e.g. '-70*mV + rand()*5*mV'"
                        : "to compare, write '=='; assignments belong in the reset";
                diagnostics.error(at(), unexpected(), help);
                return true;
            }
            return false;
        }

        // ── the model file ──

        private boolean fileLevel() {
            boolean end = token.getType() == Token.EOF;
            if (swallowedKeyword()) return true;
            if (inside(MyelinParser.RULE_neuronGroup) && neuronBlock(end)) return true;
            // (Two statements start with a name, so the parser may stop before knowing which: then nothing is "expected".)
            boolean wordFirst = previous != null && (expects(".") || expects("=")
                    || (previous.getText().matches("[A-Za-z_][A-Za-z_0-9]*") && !FILE_KEYWORDS.contains(previous.getText())));
            if (inside(MyelinParser.RULE_protocolStmt) && rule.getStart() == previous && wordFirst) {
                // 'neuron G[3] {' read as the start of an assignment 'neuron.x = ...' or 'neuron = ...'.
                String word = previous.getText();
                SourceSpan at = origin.span(previous);
                String near = closest(word, FILE_KEYWORDS);
                if (previous.getType() >= MyelinLexer.EQUATIONS && previous.getType() <= MyelinLexer.INIT) {
                    diagnostics.error(at, "'" + word + "' belongs inside a neurons block", "write it between the '{' and '}' of 'neurons G[N] { ... }'");
                } else if (near != null) {
                    diagnostics.error(at, "unknown keyword '" + word + "'", "did you mean '" + near + "'?");
                } else {
                    diagnostics.error(at, "a line cannot start with '" + word + "' followed by " + describe(token),
                            "a line starts with one of " + String.join(", ", FILE_KEYWORDS) + ", or is an assignment ('G.x = value', 'x = value')");
                }
                return true;
            }
            return false;
        }

        /** Errors inside {@code neurons G[N] { ... }}. */
        private boolean neuronBlock(boolean end) {
            MyelinParser.NeuronGroupContext group = enclosing(MyelinParser.NeuronGroupContext.class);
            if (group == null || !opened(group)) return false;
            String name = group.name() == null ? "" : group.name().getText();
            int prevType = previous == null ? -1 : previous.getType();
            Token next = visibleAfter(parser.getInputStream(), token.getTokenIndex());
            boolean assignment = token.getType() == MyelinLexer.ID && next != null && next.getText().equals(".");
            if (end || FILE_KEYWORD_TYPES.contains(token.getType()) || assignment) {
                diagnostics.error(end && previous != null ? after(previous) : at(), "missing '}' at the end of the neurons block of " + name,
                        "the block starts on line " + group.getStart().getLine() + "; close it with '}' before this line");
                return true;
            }
            if (token.getType() != MyelinLexer.STRING && (prevType == MyelinLexer.EQUATIONS || prevType == MyelinLexer.THRESHOLD || prevType == MyelinLexer.RESET)) {
                String keyword = previous.getText();
                String example = switch (prevType) {
                    case MyelinLexer.EQUATIONS -> "equations 'dv/dt = -v/tau : volt', or ''' ... ''' for several lines";
                    case MyelinLexer.THRESHOLD -> "threshold 'v > -50*mV'";
                    default -> "reset 'v = -65*mV'";
                };
                diagnostics.error(at(), "the " + keyword + " must be written in quotes", "write " + example);
                return true;
            }
            if (token.getType() == MyelinLexer.STRING && prevType == MyelinLexer.METHOD) {
                String unquoted = token.getText().replace("'", "").replace("\"", "");
                diagnostics.error(at(), "the method is written without quotes", "write 'method " + unquoted + "'");
                return true;
            }
            if (token.getType() == MyelinLexer.ID && !inside(MyelinParser.RULE_groupItem) && expects("}")) {
                String word = token.getText();
                String near = closest(word, GROUP_KEYWORDS);
                diagnostics.error(at(), "unknown entry '" + word + "' in the neurons block of " + name,
                        (near != null ? "did you mean '" + near + "'? A" : "a") + " neurons block holds: " + String.join(", ", GROUP_KEYWORDS));
                return true;
            }
            return false;
        }

        /**
         * A statement that lacks its value swallows the keyword starting the next line as a name
         * ({@code G.v =} then {@code run 10 ms}): report the missing value, not the token after.
         */
        private boolean swallowedKeyword() {
            if (previous == null || !FILE_KEYWORD_TYPES.contains(previous.getType())) return false;
            Token before = visibleBefore(parser.getInputStream(), previous.getTokenIndex());
            if (before == null || before.getLine() == previous.getLine() || !NEEDS_OPERAND.contains(before.getText())) return false;
            diagnostics.error(after(before), "missing value after '" + before.getText() + "'",
                    "'" + previous.getText() + "' on line " + previous.getLine() + " starts a new line of the model, so the value must come before it");
            return true;
        }

        // ── anything else ──

        private void generic() {
            boolean end = isEnd(token) || (token.getText().equals(";") && inside(MyelinParser.RULE_statementBlock));
            if (context.isEmpty() && token.getText().equals("}") && (rule.getRuleIndex() == MyelinParser.RULE_model || rule.getRuleIndex() == MyelinParser.RULE_item)) {
                diagnostics.error(at(), "unexpected '}': no neurons block is open here", "remove it, or check the '{' of the block above");
                return;
            }
            if (end && previous != null && NEEDS_OPERAND.contains(previous.getText())) {
                diagnostics.error(context.isEmpty() ? after(previous) : at(), "missing value after '" + previous.getText() + "'",
                        "complete it, e.g. " + example());
                return;
            }
            if (end && previous != null && context.isEmpty() && expectsValue()) {
                diagnostics.error(after(previous), "missing value after '" + previous.getText() + "'", "write e.g. '" + previous.getText() + " " + fileExample(previous) + "'");
                return;
            }
            String want = expectedWords();
            if ((want.equals("')'") || want.equals("']'")) && !end) {
                String close = want.substring(1, 2);
                Token open = unclosed(close.equals(")") ? "(" : "[", close);
                if (open != null) {
                    SourceSpan opened = origin.span(open);
                    diagnostics.error(at(), "missing '" + close + "' before " + describe(token),
                            "close the '" + open.getText() + "' opened" + (opened.line() == at().line() ? "" : " on line " + opened.line()) + " at column " + opened.column());
                    return;
                }
            }
            String help;
            boolean lineStart = context.isEmpty() && (rule.getRuleIndex() == MyelinParser.RULE_model || rule.getRuleIndex() == MyelinParser.RULE_item);
            if (!want.isEmpty() && !lineStart) {
                help = "expected " + want;
            } else if (inside(MyelinParser.RULE_equationBlock)) {
                help = "write one equation per line, ending with its unit: 'dv/dt = -v/tau : volt', 'x = expr : unit' or 'x : unit'";
            } else if (inside(MyelinParser.RULE_statementBlock)) {
                help = "write statements as 'name = expression' (or +=, -=, *=, /=), separated by newlines or ';'";
            } else if (inside(MyelinParser.RULE_neuronGroup)) {
                help = "a neurons block holds: " + String.join(", ", GROUP_KEYWORDS);
            } else {
                help = "a line starts with one of " + String.join(", ", FILE_KEYWORDS) + ", or is an assignment ('G.x = value', 'x = value')";
            }
            diagnostics.error(context.isEmpty() && token.getType() == Token.EOF && previous != null ? after(previous) : at(), unexpected(), help);
        }

        // ── helpers ──

        /** The nearest bracket before the error that is still open. */
        private Token unclosed(String open, String close) {
            BufferedTokenStream stream = (BufferedTokenStream) parser.getInputStream();
            int depth = 0;
            for (int k = token.getTokenIndex() - 1; k >= 0; k--) {
                String text = stream.get(k).getText();
                if (text.equals(close)) depth++;
                if (text.equals(open) && depth-- == 0) return stream.get(k);
            }
            return null;
        }

        private SourceSpan at() {
            return origin.span(token);
        }

        /** Just after {@code t}: where something missing should have been written. */
        private SourceSpan after(Token t) {
            SourceSpan s = origin.span(t);
            return new SourceSpan(s.file(), s.line(), s.column() + s.length(), 1);
        }

        private String unexpected() {
            if (token.getType() == Token.EOF) return context.isEmpty() ? "unexpected end of file" : "unexpected end of the " + noun();
            String found = describe(token);
            if (context.isEmpty()) return "unexpected " + found;
            return "unexpected " + found + " in the " + noun();
        }

        private String noun() {
            return switch (context) {
                case "equations" -> "equations";
                case "threshold" -> "threshold condition";
                case "refractory" -> "refractory condition";
                case "value" -> "quoted value";
                default -> context;
            };
        }

        private String example() {
            return switch (context) {
                case "equations" -> "'dv/dt = -v/tau : volt'";
                case "threshold" -> "a condition such as 'v > -50*mV'";
                case "reset" -> "'v = -65*mV'";
                case "refractory" -> "a duration such as '5*ms', or a condition such as 'v > -40*mV'";
                case "value" -> "a value such as '-70*mV'";
                default -> "'5*ms'";
            };
        }

        private String fileExample(Token keyword) {
            return switch (keyword.getType()) {
                case MyelinLexer.RUN -> "100 ms";
                case MyelinLexer.SEED_KW -> "42";
                default -> "...";
            };
        }

        private boolean inside(int ruleIndex) {
            for (ParserRuleContext c = rule; c != null; c = c.getParent()) {
                if (c.getRuleIndex() == ruleIndex) return true;
            }
            return false;
        }

        private <C extends ParserRuleContext> C enclosing(Class<C> type) {
            for (ParserRuleContext c = rule; c != null; c = c.getParent()) {
                if (type.isInstance(c)) return type.cast(c);
            }
            return null;
        }

        /** Whether the parser got past the '{' of the block. */
        private boolean opened(MyelinParser.NeuronGroupContext group) {
            for (int k = 0; k < group.getChildCount(); k++) {
                if (group.getChild(k).getText().equals("{")) return true;
            }
            return false;
        }

        private boolean expects(String literal) {
            for (int type : expected.toList()) {
                if (literal.equals(literal(type))) return true;
            }
            return false;
        }

        private boolean expectsValue() {
            return expected.contains(MyelinLexer.NUMBER) || expected.contains(MyelinLexer.ID);
        }

        private boolean previousIsPartOfUnit() {
            if (previous == null) return false;
            if (previous.getText().equals(")") && inside(MyelinParser.RULE_equation)) return true;
            // The unit is the last thing of an equation: the previous token sits after its ':'.
            BufferedTokenStream stream = (BufferedTokenStream) parser.getInputStream();
            for (int k = previous.getTokenIndex(); k >= 0; k--) {
                Token t = stream.get(k);
                if (t.getType() == MyelinLexer.NEWLINE) return false;
                if (t.getText().equals(":")) return true;
            }
            return false;
        }

        /** What was expected, in words: literal tokens, "an expression", "a name"... */
        private String expectedWords() {
            List<String> words = new ArrayList<>();
            boolean expression = expected.contains(MyelinLexer.NUMBER) || expected.contains(MyelinLexer.STRING) && expected.contains(MyelinLexer.ID);
            boolean name = expected.contains(MyelinLexer.ID);
            if (expression) words.add(expected.contains(MyelinLexer.STRING) ? "a value" : "an expression");
            else if (name) words.add("a name");
            for (int type : expected.toList()) {
                String lit = literal(type);
                if (lit == null) {
                    if (type == MyelinLexer.STRING && !expression) words.add("a quoted string");
                    continue;
                }
                if (OPERATORS.contains(lit)) continue;
                if (name && isKeywordType(type)) continue;
                if (expression && (lit.equals("(") || lit.equals("[") || lit.equals("True") || lit.equals("False"))) continue;
                words.add("'" + lit + "'");
            }
            if (words.isEmpty() || words.size() > 5) return "";
            if (words.size() == 1) return words.get(0);
            return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
        }
    }

    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!=",
            "and", "or", "not", "+=", "-=", "*=", "/=");

    private static String literal(int type) {
        String name = MyelinParser.VOCABULARY.getLiteralName(type);
        return name == null ? null : name.substring(1, name.length() - 1);
    }

    private static boolean isKeywordType(int type) {
        return type >= MyelinLexer.DT_KW && type <= MyelinLexer.RUN;
    }

    private static boolean isKeyword(Token t) {
        return isKeywordType(t.getType());
    }

    private static boolean isEnd(Token t) {
        return t.getType() == Token.EOF || t.getType() == MyelinLexer.NEWLINE;
    }

    private static Token visibleBefore(TokenStream tokens, int index) {
        if (!(tokens instanceof BufferedTokenStream stream)) return null;
        for (int k = Math.min(index, stream.size()) - 1; k >= 0; k--) {
            Token t = stream.get(k);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) return t;
        }
        return null;
    }

    private static Token visibleAfter(TokenStream tokens, int index) {
        if (!(tokens instanceof BufferedTokenStream stream)) return null;
        stream.fill();
        for (int k = index + 1; k < stream.size(); k++) {
            Token t = stream.get(k);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) return t;
        }
        return null;
    }

    /** A keyword close to {@code word} (a likely misspelling), or null. */
    private static String closest(String word, List<String> keywords) {
        return Suggestions.closest(word, keywords).orElse(null);
    }

    static String describe(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of text";
            case MyelinLexer.NEWLINE -> "end of line";
            case MyelinLexer.STRING -> "string " + firstLine(token.getText());
            default -> "'" + token.getText() + "'";
        };
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl) + "...";
        return first.length() > 30 ? first.substring(0, 27) + "..." : first;
    }
}

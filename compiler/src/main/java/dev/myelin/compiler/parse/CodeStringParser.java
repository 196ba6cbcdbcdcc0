package dev.myelin.compiler.parse;

import dev.myelin.compiler.ast.Equation;
import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.ast.Statement;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.grammar.MyelinLexer;
import dev.myelin.grammar.MyelinParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

import java.util.List;
import java.util.Optional;

/**
 * Parses the Brian2 code inside a string token (equations, statements, an expression) with
 * significant newlines, reporting positions in the model file.
 */
final class CodeStringParser {

    private final SourceFile file;
    private final Diagnostics diagnostics;
    private final TextOrigin fileOrigin;

    CodeStringParser(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.fileOrigin = TextOrigin.of(file);
    }

    Optional<List<Equation>> equations(Token string) {
        Parse p = parse(string, "equations");
        MyelinParser.EquationBlockContext tree = p.parser.equationBlock();
        return p.errors.reported() ? Optional.empty() : Optional.of(p.builder.equations(tree));
    }

    Optional<List<Statement>> statements(Token string, String what) {
        Parse p = parse(string, what);
        MyelinParser.StatementBlockContext tree = p.parser.statementBlock();
        return p.errors.reported() ? Optional.empty() : Optional.of(p.builder.statements(tree));
    }

    Optional<Expression> expression(Token string, String what) {
        Parse p = parse(string, what);
        MyelinParser.ExpressionOnlyContext tree = p.parser.expressionOnly();
        return p.errors.reported() ? Optional.empty() : Optional.of(p.builder.expr(tree.expr()));
    }

    /** The j of connect: an {@link Expression}, or a {@link dev.myelin.compiler.ast.GroupItem.Generator}. */
    Optional<Object> targets(Token string) {
        Parse p = parse(string, "connect's j");
        MyelinParser.TargetsOnlyContext tree = p.parser.targetsOnly();
        return p.errors.reported() ? Optional.empty() : Optional.of(p.builder.targets(tree));
    }

    private record Parse(MyelinParser parser, AstBuilder builder, SyntaxErrors errors) {
    }

    private Parse parse(Token string, String context) {
        String raw = string.getText();
        int quotes = raw.startsWith("'''") || raw.startsWith("\"\"\"") ? 3 : 1;
        String contents = raw.substring(quotes, raw.length() - quotes);
        TextOrigin origin = fileOrigin.inside(string);
        MyelinLexer lexer = new MyelinLexer(CharStreams.fromString(contents));
        lexer.codeMode = true;
        MyelinParser parser = new MyelinParser(new CommonTokenStream(lexer));
        SyntaxErrors errors = new SyntaxErrors(diagnostics, origin, context);
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.addErrorListener(errors);
        return new Parse(parser, new AstBuilder(origin, this), errors);
    }
}

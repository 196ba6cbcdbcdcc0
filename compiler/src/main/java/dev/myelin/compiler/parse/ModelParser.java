package dev.myelin.compiler.parse;

import dev.myelin.compiler.ast.ModelFile;
import dev.myelin.compiler.diag.Diagnostics;
import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.grammar.MyelinLexer;
import dev.myelin.grammar.MyelinParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** The entry point of the front end: model text in, AST out, syntax errors into the diagnostics. */
public final class ModelParser {

    private ModelParser() {
    }

    /** Returns the AST of what could be parsed; check {@code diagnostics} for errors. */
    public static ModelFile parse(SourceFile file, Diagnostics diagnostics) {
        TextOrigin origin = TextOrigin.of(file);
        MyelinLexer lexer = new MyelinLexer(CharStreams.fromString(file.text(), file.name()));
        MyelinParser parser = new MyelinParser(new CommonTokenStream(lexer));
        SyntaxErrors errors = new SyntaxErrors(diagnostics, origin, "");
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.addErrorListener(errors);
        try {
            MyelinParser.ModelContext tree = parser.model();
            AstBuilder builder = new AstBuilder(origin, new CodeStringParser(file, diagnostics));
            return new ModelFile(file, errors.reported() ? java.util.List.of() : builder.items(tree));
        } catch (StackOverflowError deep) {
            diagnostics.error(new SourceSpan(file, 1, 1, 1), "the model is nested too deeply to parse",
                    "split very long expressions into named subexpressions");
            return new ModelFile(file, java.util.List.of());
        }
    }
}

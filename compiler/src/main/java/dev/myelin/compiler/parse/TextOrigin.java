package dev.myelin.compiler.parse;

import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.diag.SourceSpan;
import org.antlr.v4.runtime.Token;

/**
 * Maps token positions of a parse back to the model file. The file itself is parsed with origin
 * (1, 0); a Brian2 code string is parsed on its own, with the origin of its first character.
 */
record TextOrigin(SourceFile file, int line, int column) {

    static TextOrigin of(SourceFile file) {
        return new TextOrigin(file, 1, 0);
    }

    /** Where the contents of a string token start: after its opening quotes. */
    TextOrigin inside(Token stringToken) {
        int quotes = stringToken.getText().startsWith("'''") || stringToken.getText().startsWith("\"\"\"") ? 3 : 1;
        SourceSpan at = span(stringToken.getLine(), stringToken.getCharPositionInLine(), 1);
        return new TextOrigin(file, at.line(), at.column() - 1 + quotes);
    }

    /** {@code tokenLine} is 1-based and {@code tokenColumn} 0-based, as ANTLR reports them. */
    SourceSpan span(int tokenLine, int tokenColumn, int length) {
        int fileLine = line + tokenLine - 1;
        int fileColumn = (tokenLine == 1 ? column + tokenColumn : tokenColumn) + 1;
        return new SourceSpan(file, fileLine, fileColumn, length);
    }

    SourceSpan span(Token token) {
        int length = token.getType() == Token.EOF ? 1 : Math.max(1, firstLineLength(token.getText()));
        return span(token.getLine(), token.getCharPositionInLine(), length);
    }

    private static int firstLineLength(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text.length() : nl;
    }
}

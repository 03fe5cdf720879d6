package dev.jmp.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@Timeout(300)
class MagicExpressionsTest {

    private static final String CALL = "dev.jmp.kernel.notebook.NotebookMagics.lineMagic(";

    @Test
    void declarationInitializerBecomesACall() {
        assertEquals("List<String> added = " + CALL + "\"jars\", \"lib/*.jar\");",
                MagicExpressions.rewrite("List<String> added = %jars lib/*.jar;"));
    }

    @Test
    void expressionWithoutSemicolonStaysAnExpression() {
        assertEquals("var x = " + CALL + "\"time\", \"compute()\")", MagicExpressions.rewrite("var x = %time compute()"));
    }

    @Test
    void afterReturnInAMethod() {
        String method = "List<String> add() {\n    return %maven g:a:1.0;\n}";
        assertEquals("List<String> add() {\n    return " + CALL + "\"maven\", \"g:a:1.0\");\n}", MagicExpressions.rewrite(method));
    }

    @Test
    void quotesAndBackslashesInArgumentsAreEscaped() {
        assertEquals("x = " + CALL + "\"sh\", \"echo \\\"a b\\\" c\\\\d\");", MagicExpressions.rewrite("x = %sh echo \"a b\" c\\d;"));
    }

    @Test
    void percentInStringsCharsAndTextBlocksIsLeftAlone() {
        String code = "String s = \"%jars x\";\nchar c = '%';\nString t = \"\"\"\n  = %jars y\n  \"\"\";\nint r = 7 % 2;";
        assertSame(code, MagicExpressions.rewrite(code));
    }

    @Test
    void percentInCommentsIsLeftAlone() {
        String code = "// x = %jars a.jar\n/* y = %jars b.jar */ int z = 1;\nint w = 5 /* = */ % 3;";
        assertSame(code, MagicExpressions.rewrite(code));
    }

    @Test
    void comparisonsAreNotAssignments() {
        String code = "boolean a = b == %c;\nboolean d = e <= %f;";
        // Not valid Java either way, but never a magic: only an assignment or return takes one.
        assertSame(code, MagicExpressions.rewrite(code));
    }

    @Test
    void compoundAssignmentAndNextLineContinuation() {
        assertEquals("s +=\n    " + CALL + "\"lsmagic\", \"\");\nint k = 1;",
                MagicExpressions.rewrite("s +=\n    %lsmagic;\nint k = 1;"));
        assertEquals("x >>= " + CALL + "\"n\", \"\");", MagicExpressions.rewrite("x >>= %n;"));
    }

    @Test
    void remainderAfterAnIdentifierOrNumberStaysJava() {
        String code = "int r = total\n    % limit;\nint q = 10 %3;\nreturnValue = x % y;";
        assertSame(code, MagicExpressions.rewrite(code));
    }

    @Test
    void keepsLineCountAndLaterCode() {
        String code = "var a = %classpath target/classes;\nSystem.out.println(\"50%\");\nreturn %workers;";
        String out = MagicExpressions.rewrite(code);
        assertEquals(3, out.split("\n", -1).length);
        assertEquals("System.out.println(\"50%\");", out.split("\n")[1]);
        assertEquals("return " + CALL + "\"workers\", \"\");", out.split("\n")[2]);
    }
}

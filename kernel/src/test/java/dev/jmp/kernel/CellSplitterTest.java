package dev.jmp.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class CellSplitterTest {

    @Test
    void lineMagicsAndJavaKeepOrderAndCellLineNumbers() {
        List<CellSplitter.Part> parts = CellSplitter.split("%maven a:b:1\nint x = 1;\n%sh echo \"$x\" | wc\nx");
        assertEquals(4, parts.size());
        assertTrue(parts.get(0).magic());
        assertEquals("maven", parts.get(0).name());
        assertEquals("a:b:1", parts.get(0).text());
        assertFalse(parts.get(1).magic());
        assertEquals("\nint x = 1;", parts.get(1).text());
        assertEquals("echo \"$x\" | wc", parts.get(2).text());
        assertEquals("\n\n\nx", parts.get(3).text(), "line 4 stays line 4");
    }

    @Test
    void percentLinesInsideTextBlocksAreJava() {
        List<CellSplitter.Part> parts = CellSplitter.split("String s = \"\"\"\n%d items\n\"\"\";\n%lsmagic");
        assertEquals(2, parts.size());
        assertTrue(parts.get(0).text().contains("%d items"));
        assertEquals("lsmagic", parts.get(1).name());
    }

    @Test
    void cellMagicTakesTheFirstLine() {
        CellSplitter.CellMagic magic = CellSplitter.cellMagic("\n%%sh --x y\necho 1\necho 2");
        assertEquals("sh", magic.name());
        assertEquals("--x y", magic.args());
        assertEquals("echo 1\necho 2", magic.body());
        assertNull(CellSplitter.cellMagic("int x = 5 % 2;"));
    }

    @Test
    void percentLinesThatContinueAnExpressionAreJava() {
        String remainder = "long total = 17\n    %limit;\n%lsmagic";
        List<CellSplitter.Part> parts = CellSplitter.split(remainder);
        assertEquals(2, parts.size(), parts::toString);
        assertTrue(parts.get(0).text().contains("%limit;"));
        assertEquals("lsmagic", parts.get(1).name());
        assertEquals("long total = 17\n    %limit;\n", CellSplitter.javaOnly(remainder));
        List<CellSplitter.Part> inCall = CellSplitter.split("f(a,\n%b);");
        assertEquals(1, inCall.size(), "inside an open parenthesis");
        List<CellSplitter.Part> inComment = CellSplitter.split("/* notes\n%sh rm -rf x\n*/ int y = 1;");
        assertEquals(1, inComment.size(), "inside a block comment");
        List<CellSplitter.Part> afterString = CellSplitter.split("String s = \"(\";\n%lsmagic");
        assertEquals(2, afterString.size(), "a bracket inside a string does not count");
        List<CellSplitter.Part> afterBlock = CellSplitter.split("for (int i = 0; i < 2; i++) {\n  x += i;\n}\n%workers");
        assertEquals("workers", afterBlock.get(afterBlock.size() - 1).name());
        List<CellSplitter.Part> afterComment = CellSplitter.split("int z = 1; // 50%\n%lsmagic");
        assertEquals("lsmagic", afterComment.get(1).name());
    }
}

package dev.jmp.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
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
}

package dev.jmp.magics.pool;

import dev.jmp.magics.MagicException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class PoolOptionsTest {

    @Test
    void overTakesAJavaExpressionUpToTheNextOption() throws MagicException {
        PoolOptions o = PoolOptions.parse("--over List.of(\"a b\", 'c', new int[] {1, 2}) --as s -n 3 --out lens");
        assertEquals("List.of(\"a b\", 'c', new int[] {1, 2})", o.over());
        assertEquals("s", o.as());
        assertEquals(3, o.processes());
        assertEquals("lens", o.out());
        assertEquals("IntStream.range(0, 9)", PoolOptions.parse("--as i --over \"IntStream.range(0, 9)\"").over());
        assertEquals("x - 1", PoolOptions.parse("--over=x - 1 --as y").over());
    }

    @Test
    void defaults() throws MagicException {
        PoolOptions o = PoolOptions.parse("--over xs --as x");
        assertEquals(new PoolOptions("xs", "x", o.processes(), "results", false, 0, -1, 0, false, null), o);
        assertTrue(o.processes() >= 1);
        PoolOptions all = PoolOptions.parse("--over xs --as x --unordered --chunksize 4 --timeout 2 --retries 1 "
                + "--on-error collect --java " + System.getProperty("java.home"));
        assertEquals(new PoolOptions("xs", "x", o.processes(), "results", true, 4, 2, 1, true,
                Path.of(System.getProperty("java.home")).toAbsolutePath().normalize()), all);
    }

    private static String error(String raw) {
        return assertThrows(MagicException.class, () -> PoolOptions.parse(raw)).getMessage();
    }

    @Test
    void badInputIsNamed() {
        assertTrue(error("--as x").contains("%%pool needs --over EXPR (the items)"));
        assertTrue(error("--over xs").contains("%%pool needs --as NAME"));
        assertTrue(error("").contains("--over EXPR (the items) and --as NAME"));
        assertTrue(error("--over xs --as 2x").contains("--as '2x' is not a valid Java variable name"));
        assertTrue(error("--over xs --as x --out x").contains("--out and --as must differ"));
        assertTrue(error("--over xs --as x --on-error ignore").contains("--on-error must be stop or collect (got 'ignore')"));
        assertTrue(error("--over xs --as x --chunksize 0").contains("option --chunksize must be between 1"));
        assertTrue(error("--over xs --as x --bg").contains("unknown option --bg"));
        assertTrue(error("--over xs --as x --java /no/such/jdk").startsWith("%%pool: option --java worker java /no/such/jdk does not exist. Usage: "));
    }

    @Test
    void wordsKeepBracketsAndLiteralsTogether() {
        assertEquals(List.of("--over", "f(a, \"b c\")", "--as", "x"), PoolArgs.words("--over f(a, \"b c\") --as x"));
        assertEquals(List.of("'\\''", "[1 2]"), PoolArgs.words("  '\\''  [1 2] "));
        assertEquals("a b", PoolArgs.unquote("\"a b\""));
        assertEquals("\"a\" + \"b\"", PoolArgs.unquote("\"a\" + \"b\""));
    }
}

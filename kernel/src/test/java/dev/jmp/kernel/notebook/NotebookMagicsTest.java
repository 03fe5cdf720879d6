package dev.jmp.kernel.notebook;

import dev.jmp.magics.MagicArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(300)
class NotebookMagicsTest {

    @Test
    void joinedArgumentsSplitBackUnchanged() {
        List<String> args = List.of("--over", "List.of(\"a b\", \"c\")", "-n", "2", "it's", "-Xmx64m -Dfoo=bar");
        String text = NotebookMagics.join(args);
        assertEquals(args, MagicArgs.split(text));
        assertEquals("a b", NotebookMagics.join(List.of("a", "b")));
    }
}

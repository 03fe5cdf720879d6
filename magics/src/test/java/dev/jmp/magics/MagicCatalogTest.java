package dev.jmp.magics;

import dev.jmp.magics.core.LsMagics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class MagicCatalogTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final MagicCatalog catalog = new MagicCatalog(() -> out);
    private final List<List<String>> calls = new ArrayList<>();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageWithoutRunningTheMagic() throws Exception {
        catalog.registerLine(new MagicDoc("echo", true, false, "Echo args.", "Usage: %echo WORDS"), args -> {
            calls.add(args);
            return String.join(" ", args);
        });
        assertNull(catalog.applyLine("echo", "--help"));
        assertTrue(calls.isEmpty());
        assertTrue(printed().contains("%echo - Echo args.") && printed().contains("Usage: %echo WORDS"), printed());
        assertEquals("a b c", catalog.applyLine("echo", "a \"b c\""));
        assertEquals(List.of(List.of("a", "b c")), calls);
    }

    @Test
    void unknownMagicNamesItAndPointsToLsmagic() {
        MagicException line = assertThrows(UnknownMagicException.class, () -> catalog.applyLine("nope", ""));
        assertTrue(line.getMessage().contains("%nope") && line.getMessage().contains("%lsmagic"), line.getMessage());
        MagicException cell = assertThrows(UnknownMagicException.class, () -> catalog.applyCell("nope", "", "body"));
        assertTrue(cell.getMessage().contains("%%nope") && cell.getMessage().contains("%lsmagic"), cell.getMessage());
    }

    @Test
    void usingALineMagicAsACellMagicSaysSo() {
        catalog.registerLine(new MagicDoc("only", true, false, "Line only.", "Usage: %only"), args -> null);
        MagicException e = assertThrows(UnknownMagicException.class, () -> catalog.applyCell("only", "", ""));
        assertTrue(e.getMessage().contains("%only is a line magic"), e.getMessage());
    }

    @Test
    void lsmagicListsOneLinePerMagic() throws Exception {
        LsMagics.register(catalog, () -> out);
        catalog.registerRawLine(new MagicDoc("sh", true, true, "Run shell.", "Usage: %sh"), raw -> null);
        catalog.applyLine("lsmagic", "");
        String listing = printed();
        assertTrue(listing.contains("%lsmagic") && listing.contains("List the available magics"), listing);
        assertTrue(listing.contains("%sh, %%sh") && listing.contains("Run shell."), listing);
        assertEquals(3, listing.lines().count(), listing);
    }

    @Test
    void rawLineMagicsGetTheTextAsTyped() throws Exception {
        List<String> seen = new ArrayList<>();
        catalog.registerRawLine(new MagicDoc("raw", true, false, "Raw.", "Usage: %raw"), raw -> {
            seen.add(raw);
            return null;
        });
        catalog.applyLine("raw", "  echo \"a  b\" | wc -c  ");
        assertEquals(List.of("echo \"a  b\" | wc -c"), seen);
    }
}

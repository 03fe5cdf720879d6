package dev.jmp.magics.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class TableTest {

    private final Table table = new Table("run: 2 workers", List.of("worker", "result"))
            .row(List.of("w0", "<b>&\"x\"")).row(List.of("w10", "7"));

    @Test
    void textIsAligned() {
        assertEquals("run: 2 workers\nworker  result\nw0      <b>&\"x\"\nw10     7\n", table.text());
    }

    @Test
    void htmlIsEscaped() {
        String html = table.html();
        assertTrue(html.startsWith("<table class=\"jmp-table\"><caption style=\"text-align:left\">run: 2 workers</caption>"),
                html);
        assertTrue(html.contains("<td style=\"text-align:left\">&lt;b&gt;&amp;&quot;x&quot;</td>"), html);
        assertTrue(!html.contains("<b>&"), html);
        Map<String, String> bundle = table.bundle();
        assertEquals(List.of("text/html", "text/plain"), List.copyOf(bundle.keySet()));
    }

    @Test
    void rowsMustMatchTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> table.row(List.of("only one")));
    }
}

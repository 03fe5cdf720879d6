package dev.jmp.magics.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(300)
class MarkupTest {

    @Test
    void escapesMarkupCharactersAndKeepsTheRest() {
        assertEquals("a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; é \uD83D\uDE00\tx",
                Markup.escape("a<b> & \"c\" 'd' é \uD83D\uDE00\tx"));
    }

    @Test
    void dropsWhatXmlCannotHold() {
        assertEquals("ab", Markup.escape("a\u0001\uD800b\uFFFE"));
    }
}

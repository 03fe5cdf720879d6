package dev.jmp.jjava;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RecordedClassesTest {

    @Test
    void aClassTheHostDroppedIsStillServedOnceSeen() {
        Map<String, byte[]> live = new ConcurrentHashMap<>();
        RecordedClasses classes = new RecordedClasses(live);
        live.put("REPL.$JShell$12", new byte[] {1, 2});
        live.put("REPL.$JShell$13", new byte[] {3});
        assertEquals(Set.of("REPL.$JShell$12", "REPL.$JShell$13"), classes.names());
        live.clear(); // a later cell replaced both snippets
        assertArrayEquals(new byte[] {1, 2}, classes.classBytes("REPL.$JShell$12"));
        assertArrayEquals(new byte[] {3}, classes.classBytes("REPL.$JShell$13"));
    }

    @Test
    void theLiveBytesWinAndUnknownClassesAreNull() {
        Map<String, byte[]> live = new ConcurrentHashMap<>();
        RecordedClasses classes = new RecordedClasses(live);
        live.put("A", new byte[] {1});
        classes.names();
        live.put("A", new byte[] {2}); // redefined
        assertArrayEquals(new byte[] {2}, classes.classBytes("A"));
        assertNull(classes.classBytes("B"));
    }
}

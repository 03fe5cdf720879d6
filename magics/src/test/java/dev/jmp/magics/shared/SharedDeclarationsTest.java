package dev.jmp.magics.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class SharedDeclarationsTest {

    @Test
    void factoryInitializersCallTheManagerInPlace() {
        SharedDeclarations d = SharedDeclarations.parse("""
                SharedCounter count = counter(100);
                SharedMap<String, List<Integer>> byName = map();
                var ready = event(); SharedLock l=lock();
                int plain = 3;
                SharedCondition c = condition(l);""");
        assertEquals(List.of("count", "byName", "ready", "l", "c"), d.names());
        assertEquals("""
                SharedCounter count = $jmpManager.counter(100);
                SharedMap<String, List<Integer>> byName = $jmpManager.map();
                var ready = $jmpManager.event(); SharedLock l=$jmpManager.lock();
                int plain = 3;
                SharedCondition c = $jmpManager.condition(l);""", d.source());
    }

    @Test
    void literalsCommentsAndOtherCallsAreLeftAlone() {
        String body = """
                String s = "x = counter(1)"; // y = map()
                /* z = queue() */ int n = other.counter(2);
                boolean b = n == counter(3);""";
        SharedDeclarations d = SharedDeclarations.parse(body);
        assertEquals(List.of(), d.names());
        assertEquals(body, d.source());
    }
}

package dev.jmp.magics.shared;

import dev.jmp.shared.Manager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
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

    @Test
    void everyPublicManagerFactoryIsASharedFactory() {
        // A factory is any public instance method of Manager that returns a shared type; a new one
        // added to Manager fails this test until %%shared knows it (and its help lists it).
        Set<String> factories = Arrays.stream(Manager.class.getMethods())
                .filter(m -> m.getDeclaringClass() == Manager.class && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType().getSimpleName().startsWith("Shared"))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(factories.containsAll(Set.of("intArray", "longArray", "doubleArray", "counter")), factories.toString());
        assertEquals(factories, new TreeSet<>(SharedDeclarations.FACTORIES));
        for (String factory : factories) {
            assertTrue(SharedMagics.DOC.usage().contains(factory + "("), "%%shared --help lists " + factory);
        }
    }

    @Test
    void arrayFactoriesAreRewritten() {
        SharedDeclarations d = SharedDeclarations.parse("SharedIntArray a = intArray(3);\nvar d = doubleArray(2);");
        assertEquals(List.of("a", "d"), d.names());
        assertEquals("SharedIntArray a = $jmpManager.intArray(3);\nvar d = $jmpManager.doubleArray(2);", d.source());
    }
}

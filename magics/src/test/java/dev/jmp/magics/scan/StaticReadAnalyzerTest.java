package dev.jmp.magics.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class StaticReadAnalyzerTest {

    private static Set<String> names(Set<StaticField> fields) {
        return fields.stream().map(StaticField::displayName).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void lambdaReadsTheVariablesOfTheMethodsItCallsAndNoOthers() throws Exception {
        ReplFixture repl = new ReplFixture();
        Object c = ReplFixture.get(repl.kernel, "REPL.$JShell$15", "c");
        StaticReads reads = ReplFixture.analyzer(false).fromObject(c);
        assertEquals(Set.of("greeting", "x"), names(reads.fields()),
                "`conn` is read only by an unrelated method of twice()'s wrapper class");
        assertTrue(reads.fields().contains(new StaticField("REPL.$JShell$11", "x", "I")));
        assertTrue(reads.missingClasses().isEmpty());
    }

    @Test
    void fromMethodAndFromClassEntryPoints() {
        StaticReadAnalyzer analyzer = ReplFixture.analyzer(false);
        assertEquals(Set.of("x"), names(analyzer.fromMethod("REPL.$JShell$14", "twice", "()I").fields()));
        assertEquals(Set.of("conn"), names(analyzer.fromMethod("REPL.$JShell$14", "unrelated", "()Ljava/lang/String;")
                .fields()));
        assertEquals(Set.of("conn", "x"), names(analyzer.fromClass("REPL.$JShell$14").fields()));
    }

    @Test
    void mutualRecursionTerminates() throws Exception {
        ReplFixture repl = new ReplFixture();
        StaticReads reads = ReplFixture.analyzer(false).fromObject(ReplFixture.get(repl.kernel, "REPL.$JShell$15",
                "recursive"));
        assertEquals(Set.of("x"), names(reads.fields()));
        assertTrue(reads.methodsVisited() >= 3, "lambda, even, odd: " + reads.methodsVisited());
    }

    @Test
    void interfaceCallsReachOverridesAmongTheKnownNotebookClasses() throws Exception {
        ReplFixture repl = new ReplFixture();
        Object area = ReplFixture.get(repl.kernel, "REPL.$JShell$17", "area");
        StaticReads known = ReplFixture.analyzer(true).fromObject(area);
        assertEquals(Set.of("shape", "x"), names(known.fields()), "Circle.area() reads x");
        StaticReads reached = ReplFixture.analyzer(false).fromObject(area);
        assertEquals(Set.of("shape"), names(reached.fields()),
                "without the class list, a class the code never names is not searched");
    }

    @Test
    void instantiatedClassesContributeTheirMethodsAndFinalsAreLeftToTheWorker() throws Exception {
        ReplFixture repl = new ReplFixture();
        StaticReads reads = ReplFixture.analyzer(false).fromObject(ReplFixture.get(repl.kernel, "REPL.$JShell$17", "byR"));
        assertEquals(Set.of("x"), names(reads.fields()), "new Circle(..) makes Circle.area() reachable");
        assertEquals(Set.of("Circle.BY_R"), names(reads.finalFields()), "PI is an inlined constant, BY_R is not");
    }

    @Test
    void boundedWalkStopsWithAClearError() throws Exception {
        ReplFixture repl = new ReplFixture();
        StaticReadAnalyzer tiny = new StaticReadAnalyzer(ReplFixture.CLASSES::get, n -> n.startsWith("REPL."),
                List.of(), 2);
        Object recursive = ReplFixture.get(repl.kernel, "REPL.$JShell$15", "recursive");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tiny.fromObject(recursive));
        assertTrue(e.getMessage().contains("more than 2 notebook methods"), e.getMessage());
    }

    @Test
    void nonSerializableLambdaIsRefusedWithAHint() throws Exception {
        ReplFixture repl = new ReplFixture();
        Object plain = ReplFixture.get(repl.kernel, "REPL.$JShell$15", "plain");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplFixture.analyzer(false).fromObject(plain));
        assertTrue(e.getMessage().contains("Serializable"), e.getMessage());
    }

    @Test
    void missingNotebookClassesAreReported() {
        StaticReadAnalyzer analyzer = new StaticReadAnalyzer(
                n -> n.equals("REPL.$JShell$11") ? null : ReplFixture.CLASSES.get(n), n -> n.startsWith("REPL."));
        StaticReads reads = analyzer.fromMethod("REPL.$JShell$14", "twice", "()I");
        assertEquals(Set.of("REPL.$JShell$11"), reads.missingClasses());
        assertTrue(reads.fields().isEmpty());
    }
}

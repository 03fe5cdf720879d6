package dev.jmp.magics.scan;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link StaticReadAnalyzer} found.
 *
 * @param fields          mutable static fields of notebook classes that the code reads: the
 *                        notebook variables to snapshot and install in the worker
 * @param finalFields     static final fields that are not compile-time constants; they are
 *                        not copied, because the worker's own class initializer computes them
 *                        when it loads the class, as a fresh process does (and their values,
 *                        for example comparators or loggers, are often not serializable)
 * @param missingClasses  binary names of notebook classes the code references whose bytes the
 *                        class source did not have
 * @param methodsVisited  how many notebook methods were scanned
 */
public record StaticReads(Set<StaticField> fields, Set<StaticField> finalFields, Set<String> missingClasses,
                          int methodsVisited) {

    /** Makes the sets unmodifiable, keeping their order. */
    public StaticReads {
        fields = Collections.unmodifiableSet(new LinkedHashSet<>(fields));
        finalFields = Collections.unmodifiableSet(new LinkedHashSet<>(finalFields));
        missingClasses = Collections.unmodifiableSet(new LinkedHashSet<>(missingClasses));
    }
}

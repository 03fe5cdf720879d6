package dev.jmp.bench;

import java.util.List;

/**
 * A group of benchmark figures. Implementations are listed in
 * {@code META-INF/services/dev.jmp.bench.BenchSuite} and found by {@link BenchMain} with
 * {@link java.util.ServiceLoader}; see {@code bench/README.md} for how to add one.
 */
public interface BenchSuite {

    /**
     * Returns the figures this suite measures, in the order they run.
     *
     * @return the figures
     */
    List<Figure> figures();
}

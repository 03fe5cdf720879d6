/**
 * The benchmark harness ({@code bench/run}): {@link dev.jmp.bench.BenchMain} runs the figures
 * of every {@link dev.jmp.bench.BenchSuite} listed for {@link java.util.ServiceLoader}, each with
 * its Python {@code multiprocessing} peer from {@code bench/py/}, and prints JSON lines.
 */
package dev.jmp.bench;

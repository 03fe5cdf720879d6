package dev.jmp.kernel;

import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code %time} and {@code %%time}, as IPython's: run a line or a cell, then print the CPU time
 * and the wall-clock time it took. The code's value still shows as the cell's result. CPU time
 * is the kernel JVM's, all its threads together (what workers spend is theirs, not counted).
 */
final class TimeMagics {

    /** Runs the code of a line or a cell as a cell would run it (Java, line magics, a cell magic). */
    @FunctionalInterface
    interface CodeRunner {
        Object run(String code) throws Exception;
    }

    static final MagicDoc DOC = new MagicDoc("time", true, true,
            "Run a line or a cell and print how long it took (CPU and wall-clock time).",
            """
            Usage: %time CODE
                   %%time
                   CELL BODY

            Runs CODE (the rest of the line) or the cell's body as a cell would run it (Java, line
            magics, or a cell magic such as %%pool on the body's first line), then prints
              CPU times: total: 12.3 ms
              Wall time: 45.6 ms
            The value of the code's last expression still shows as the cell's result. CPU time is
            the kernel JVM's (all its threads); workers' CPU time is not counted.

            Examples:
              %time IntStream.range(0, 1_000_000).sum()
              %%time
              %%pool --over List.of(1, 2, 3)
              item * 2""");

    private final CodeRunner runner;
    private final Supplier<PrintStream> out;

    private TimeMagics(CodeRunner runner, Supplier<PrintStream> out) {
        this.runner = runner;
        this.out = out;
    }

    static void register(MagicCatalog catalog, CodeRunner runner, Supplier<PrintStream> out) {
        TimeMagics magics = new TimeMagics(runner, out);
        catalog.registerRawLine(DOC, code -> {
            if (code.isBlank()) {
                throw new MagicException("%time needs code to run on its line, for example: %time compute()");
            }
            return magics.time(code);
        });
        catalog.registerRawCell(DOC, (args, body) -> {
            if (!args.isBlank()) {
                throw new MagicException("%%time takes nothing after its name (got '" + args
                        + "'): put the code to time in the cell's body, or use %time CODE on one line");
            }
            if (body.isBlank()) {
                throw new MagicException("%%time needs a body: the code to time, on the lines after %%time");
            }
            return magics.time(body);
        });
    }

    private Object time(String code) throws Exception {
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        Object value = runner.run(code);
        long wall = System.nanoTime() - wallBefore;
        long cpuAfter = processCpuNanos();
        PrintStream stream = out.get();
        stream.println(cpuBefore < 0 || cpuAfter < 0 ? "CPU times: not available on this JVM"
                : "CPU times: total: " + format(cpuAfter - cpuBefore));
        stream.println("Wall time: " + format(wall));
        stream.flush();
        return value;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** IPython's form: three significant digits in the largest unit that keeps the number at least 1. */
    static String format(long nanos) {
        double value = Math.max(0, nanos);
        String[] units = {"ns", "µs", "ms", "s"};
        int unit = 0;
        while (unit < units.length - 1 && value >= 1000) {
            value /= 1000;
            unit++;
        }
        String number = value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return number + " " + units[unit];
    }
}

package dev.jmp.internal.supervisor;

import java.util.List;

/**
 * JVM options every worker starts with, chosen for a fast start and a small idle footprint:
 * the serial collector (no GC threads to start, small heaps), a modest initial heap, no
 * performance-data file. The JIT keeps both tiers so CPU-bound tasks run at full speed.
 */
final class JvmDefaults {

    private JvmDefaults() {
    }

    static List<String> options() {
        return List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=4",
                "-Xss1m", "-Djava.awt.headless=true");
    }
}

package dev.jmp.internal.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * When a process started, as a number that tells a process apart from a later one with the
 * same pid. On Linux it is the start time in clock ticks since boot from {@code /proc/<pid>/stat},
 * which is exact and immune to wall-clock steps; elsewhere it is the start instant in epoch
 * milliseconds from {@link ProcessHandle.Info}, compared with a tolerance because it is derived
 * from the wall clock.
 */
public final class ProcessStart {

    /** Wall-clock-derived start times of one process may drift apart when the clock is set. */
    private static final long MILLIS_TOLERANCE = 2_000;
    private static final boolean PROC = Files.isReadable(Path.of("/proc/self/stat"));

    private ProcessStart() {
    }

    /** Returns the start token of a running process, or empty if it is not running or unknown. */
    public static OptionalLong of(long pid) {
        if (PROC) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
                // The command name (field 2) may hold spaces and parentheses; fields restart after the last ')'.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return OptionalLong.of(Long.parseLong(fields[19]));
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                .map(i -> OptionalLong.of(i.toEpochMilli())).orElse(OptionalLong.empty());
    }

    /** Tells whether a running process's start token is the one recorded for its pid. */
    public static boolean same(long recorded, long current) {
        return PROC ? recorded == current : Math.abs(recorded - current) <= MILLIS_TOLERANCE;
    }

    /** The start token of this process. */
    public static long self() {
        OptionalLong start = of(ProcessHandle.current().pid());
        return start.isPresent() ? start.getAsLong()
                : ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}

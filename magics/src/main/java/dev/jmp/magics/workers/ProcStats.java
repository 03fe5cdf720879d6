package dev.jmp.magics.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time and resident memory of a process, read from the operating system ({@code /proc} on
 * Linux), so a worker busy in a tight loop is measured without its cooperation.
 *
 * @param cpu the CPU time it used, if known
 * @param rssBytes its resident set size, or -1 if unknown
 */
record ProcStats(Optional<Duration> cpu, long rssBytes) {

    /**
     * Reads a process's figures.
     *
     * @param pid the process id
     * @return the figures; unknown ones when the process is gone or the system has no {@code /proc}
     */
    static ProcStats of(long pid) {
        Optional<Duration> cpu = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
        return new ProcStats(cpu, rss(Path.of("/proc", Long.toString(pid), "status")));
    }

    /**
     * Reads {@code VmRSS} from a {@code /proc/PID/status} file.
     *
     * @param status the file
     * @return bytes, or -1
     */
    static long rss(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    long value = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

package dev.jmp.magics.workers;

import dev.jmp.spi.WorkerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class WorkersMagicsTest {

    @Test
    void durationsAndSizes() {
        assertEquals("0.35 s", WorkersMagics.duration(Duration.ofMillis(350)));
        assertEquals("12.5 s", WorkersMagics.duration(Duration.ofMillis(12_500)));
        assertEquals("3 min 5 s", WorkersMagics.duration(Duration.ofSeconds(185)));
        assertEquals("2 h 1 min", WorkersMagics.duration(Duration.ofMinutes(121)));
        assertEquals("48.5 MB", WorkersMagics.megabytes(48 * 1024 * 1024 + 512 * 1024));
    }

    @Test
    void rssIsReadFromProcStatus(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t  9000 kB\nVmRSS:\t  2048 kB\nThreads:\t20\n");
        assertEquals(2048 * 1024, ProcStats.rss(status));
        assertEquals(-1, ProcStats.rss(dir.resolve("missing")));
    }

    @Test
    void tableOfThisProcess() {
        long pid = ProcessHandle.current().pid();
        long now = System.currentTimeMillis();
        String text = WorkersMagics.table(List.of(new WorkerInfo("w1-ab", "train", 0, pid, "busy", now - 65_000, 3, -1, -1)),
                now).text();
        String[] lines = text.split("\n");
        assertEquals("1 worker (1 busy)", lines[0]);
        assertTrue(lines[1].matches("id\\s+name\\s+pid\\s+state\\s+tasks\\s+cpu\\s+rss\\s+uptime"), lines[1]);
        assertTrue(lines[2].matches("w1-ab\\s+train\\s+" + pid + "\\s+busy\\s+3\\s+[0-9.]+ s\\s+[0-9.]+ MB\\s+1 min 5 s"),
                lines[2]);
        assertEquals("No worker processes are running.", WorkersMagics.table(List.of(), now).text().split("\n")[0]);
    }
}

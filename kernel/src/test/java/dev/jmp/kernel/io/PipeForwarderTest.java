package dev.jmp.kernel.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class PipeForwarderTest {

    private static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    }

    @Test
    void marksAreTakenOutAndEverythingBeforeOneReachesItsTarget() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream reader = new PipedInputStream(writer, 1 << 16);
        ByteArrayOutputStream cell = new ByteArrayOutputStream();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        AtomicBoolean running = new AtomicBoolean(true);
        PipeForwarder forwarder = new PipeForwarder(reader, () -> running.get() ? cell : terminal,
                new PrintStream(new ByteArrayOutputStream()), "stdout");
        forwarder.start();

        byte[] mark = PipeForwarder.MARK;
        // A lone first byte of the mark, and a mark split across two writes.
        writer.write("hi from child\n\u0001x ".getBytes(StandardCharsets.UTF_8));
        writer.write(mark, 0, 3);
        writer.flush();
        writer.write(mark, 3, mark.length - 3);
        writer.flush();
        assertTrue(forwarder.awaitMarks(1, deadline()));
        synchronized (cell) {
            assertEquals("hi from child\n\u0001x ", cell.toString(StandardCharsets.UTF_8));
        }

        running.set(false);
        writer.write("\u0001jmp-late\n".getBytes(StandardCharsets.UTF_8));
        writer.write(mark);
        writer.flush();
        assertTrue(forwarder.awaitMarks(2, deadline()));
        assertEquals("\u0001jmp-late\n", terminal.toString(StandardCharsets.UTF_8), "no cell runs: to the terminal");
        assertEquals("hi from child\n\u0001x ", cell.toString(StandardCharsets.UTF_8));
        writer.close();
    }
}

package dev.jmp.internal.supervisor;

import dev.jmp.spi.OutputEvent;
import dev.jmp.internal.worker.OutputMarkers;
import dev.jmp.internal.worker.TaskTag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one of a worker's pipes line by line and turns lines into {@link OutputEvent}s. On the
 * stdout pipe it interprets the worker's marker lines (stream and task switches, task done);
 * lines on the stderr pipe (native writes to fd 2) carry the task last seen on stdout.
 */
final class OutputPump implements Runnable {

    private static final int MAX_LINE = 1 << 20;
    private final WorkerHandle worker;
    private final InputStream in;
    private final boolean stdoutPipe;
    private final OutputRouter router;

    OutputPump(WorkerHandle worker, InputStream in, boolean stdoutPipe, OutputRouter router) {
        this.worker = worker;
        this.in = in;
        this.stdoutPipe = stdoutPipe;
        this.router = router;
    }

    @Override
    public void run() {
        OutputEvent.Stream stream = stdoutPipe ? OutputEvent.Stream.STDOUT : OutputEvent.Stream.STDERR;
        byte[] buf = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n' || line.size() >= MAX_LINE) {
                        stream = line(stream, line);
                        line.reset();
                        if (b == '\n') {
                            continue;
                        }
                    }
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // the pipe broke: the worker is gone
        } finally {
            if (line.size() > 0) {
                line(stream, line);
            }
            if (stdoutPipe) {
                worker.output().sync().close();
            }
            worker.output().pumpDone();
        }
    }

    private OutputEvent.Stream line(OutputEvent.Stream stream, ByteArrayOutputStream bytes) {
        int len = bytes.size();
        byte[] raw = bytes.toByteArray();
        if (len > 0 && raw[len - 1] == '\r') {
            len--;
        }
        String text = new String(raw, 0, len, StandardCharsets.UTF_8);
        if (stdoutPipe && len > 0) {
            int at = text.indexOf((char) OutputMarkers.LEAD);
            OutputMarkers.Marker m = at < 0 ? null : OutputMarkers.parse(worker.output().nonce(), text.substring(at));
            if (m != null) {
                if (at > 0) {
                    // Native output without a newline (a child process, a partial print) ran into
                    // the marker: it is a line of its own, and the marker still counts, or the task
                    // waiting for its done marker would wait until the worker exits.
                    stream = deliver(stream, text.substring(0, at));
                }
                if (m.kind() == 'd') {
                    worker.output().sync().seen(m.a());
                    return stream;
                }
                worker.output().setTag(new TaskTag(m.a(), m.b()));
                return m.kind() == 'e' ? OutputEvent.Stream.STDERR : OutputEvent.Stream.STDOUT;
            }
        }
        return deliver(stream, text);
    }

    private OutputEvent.Stream deliver(OutputEvent.Stream stream, String text) {
        TaskTag tag = worker.output().tag();
        if (stream == OutputEvent.Stream.STDERR) {
            worker.output().recordStderr(text);
        }
        WorkerOwner owner = worker.owner();
        if (owner != null && owner.internal()) {
            return stream;
        }
        router.deliver(new OutputEvent(worker.name(), worker.index(), worker.pid(), tag.job(), tag.item(), stream,
                text, System.currentTimeMillis(), worker.host()));
        return stream;
    }
}

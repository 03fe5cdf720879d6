package dev.jmp.jjava;

import dev.jmp.magics.CellOutput;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The output of one cell of a JJava kernel, usable after the cell ended: messages go out on
 * IOPub under that cell's request, as Jupyter frontends expect late output to come.
 *
 * <p>Sends on the socket directly rather than through {@code env.publish}: the environment's
 * "defer" switch belongs to the thread handling the request, and a worker's output thread using
 * it could take the place of the request's deferred reply.
 */
final class CellChannel implements CellOutput {

    private final ShellReplyEnvironment env;
    private final PrintStream out;
    private final PrintStream err;

    CellChannel(ShellReplyEnvironment env) {
        this.env = env;
        this.out = new PrintStream(new StreamBuffer(PublishStream.StreamType.OUT), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new StreamBuffer(PublishStream.StreamType.ERR), true, StandardCharsets.UTF_8);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean isFor(ShellReplyEnvironment other) {
        return env == other;
    }

    @Override
    public void stdout(String text) {
        out.flush();
        send(new PublishStream(PublishStream.StreamType.OUT, text));
    }

    @Override
    public void stderr(String text) {
        err.flush();
        send(new PublishStream(PublishStream.StreamType.ERR, text));
    }

    @Override
    public void display(String displayId, Map<String, String> bundle) {
        out.flush();
        send(new PublishDisplayData(data(displayId, bundle)));
    }

    @Override
    public void updateDisplay(String displayId, Map<String, String> bundle) {
        send(new PublishUpdateDisplayData(data(displayId, bundle)));
    }

    private static DisplayData data(String displayId, Map<String, String> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        data.setDisplayId(displayId);
        return data;
    }

    private <T extends ContentType<T>> void send(T content) {
        env.getIopub().sendMessage(new Message<>(env.getContext(), content.getType(), content));
    }

    /** Collects what a PrintStream writes and publishes it on flush (println flushes). */
    private final class StreamBuffer extends ByteArrayOutputStream {
        private final PublishStream.StreamType type;

        StreamBuffer(PublishStream.StreamType type) {
            this.type = type;
        }

        @Override
        public synchronized void flush() {
            if (count > 0) {
                String text = toString(StandardCharsets.UTF_8);
                reset();
                send(new PublishStream(type, text));
            }
        }
    }
}

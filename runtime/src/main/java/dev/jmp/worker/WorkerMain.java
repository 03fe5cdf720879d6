package dev.jmp.worker;

import dev.jmp.wire.WireCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The worker JVM's entry point. The command line carries nothing secret: the bootstrap (wire
 * key included) is the first line of standard input, and standard input then stays open until
 * the parent dies, so its end of file stops the worker at once even after {@code kill -9}.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    /** Starts a worker. */
    public static void main(String[] args) throws IOException {
        InputStream in = System.in;
        String line = readLine(in);
        if (line == null || line.isBlank()) {
            System.err.println("jmp worker: no bootstrap on standard input; workers are started by the jmp runtime");
            System.exit(2);
        }
        WorkerBootstrap boot = WireCodec.gson().fromJson(line, WorkerBootstrap.class);
        watchStdin(in);
        OutputCapture output = new OutputCapture(boot.outputNonce());
        output.install();
        Runtime.getRuntime().addShutdownHook(new Thread(output::flushPartial, "jmp-flush"));
        new WorkerRuntime(boot, output).run();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static void watchStdin(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // the parent never writes more; only the end of file matters
                }
            } catch (IOException e) {
                // a broken pipe means the parent is gone, like end of file
            }
            Runtime.getRuntime().halt(0);
        }, "jmp-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}

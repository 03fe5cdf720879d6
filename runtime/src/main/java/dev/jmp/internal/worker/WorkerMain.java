package dev.jmp.internal.worker;

import dev.jmp.internal.wire.WireCodec;
import dev.jmp.spi.Daemons;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.zeromq.ZContext;

/**
 * The worker JVM's entry point. The command line carries nothing secret: the bootstrap (wire
 * key included) is the first line of standard input. The worker watches its parent's pid (and
 * its own re-parenting) and exits within a tick when the parent dies, even after {@code kill -9};
 * it does not keep a thread blocked reading standard input, because the JVM's exit waits up
 * to 300 ms for threads blocked in native reads.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    /** Starts a worker. */
    public static void main(String[] args) throws IOException {
        StartupTrace.mark("main");
        // Socket context and class warm-up run beside the bootstrap read: a cold start spends most
        // of its time loading and initializing classes, and the machine has more than one core.
        CompletableFuture<ZContext> context = new CompletableFuture<>();
        Daemons.start("jmp-init", () -> {
            context.complete(new ZContext(1));
            StartupTrace.mark("socket context ready");
            WorkerWarmup.awaitHelloThenRun();
            StartupTrace.mark("warm-up done");
        });
        InputStream in = System.in;
        String line = readLine(in);
        StartupTrace.mark("bootstrap read");
        if (line == null || line.isBlank()) {
            System.err.println("jmp worker: no bootstrap on standard input; workers are started by the jmp runtime");
            System.exit(2);
        }
        WorkerBootstrap boot = WireCodec.gson().fromJson(line, WorkerBootstrap.class);
        OutputCapture output = new OutputCapture(boot.outputNonce());
        output.install();
        Runtime.getRuntime().addShutdownHook(new Thread(output::flushPartial, "jmp-flush"));
        ZContext ready = context.join();
        StartupTrace.mark("output installed, context joined");
        new WorkerRuntime(boot, output, ready).run();
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
}

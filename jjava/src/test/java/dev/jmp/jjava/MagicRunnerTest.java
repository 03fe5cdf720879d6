package dev.jmp.jjava;

import dev.jmp.magics.CellFailure;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MagicRunnerTest {

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger interrupts = new AtomicInteger();
    private volatile String source;

    private final CellHost host = new CellHost() {
        @Override
        public void enterCell() {
        }

        @Override
        public String cellSource() {
            return source;
        }

        @Override
        public void interrupted() {
            interrupts.incrementAndGet();
        }

        @Override
        public PrintStream out() {
            return System.out;
        }

        @Override
        public PrintStream err() {
            return err;
        }
    };

    private final MagicCatalog catalog = new MagicCatalog(() -> System.out);
    private final MagicRunner runner = new MagicRunner(catalog, host);

    private static MagicDoc cellDoc(String name) {
        return new MagicDoc(name, false, true, "a test magic", "%%" + name);
    }

    @Test
    void theMagicGetsTheArgumentsAsTypedAndItsValueComesBack() {
        AtomicReference<String> seen = new AtomicReference<>();
        catalog.registerRawCell(cellDoc("echo"), (raw, body) -> {
            seen.set(raw);
            return body.length();
        });
        source = "%%echo --over List.of(\"a b\") --as s\nbody";
        Object value = runner.cell("echo", List.of("--over", "List.of(a b", ")", "--as", "s"), "body");
        assertEquals(4, value);
        assertEquals("--over List.of(\"a b\") --as s", seen.get());
    }

    @Test
    void anInterruptOfTheWaitingThreadRunsTheActionsAndReachesTheMagic() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> magicInterrupted = new CompletableFuture<>();
        catalog.registerRawCell(cellDoc("block"), (raw, body) -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                magicInterrupted.complete(true);
            }
            return null;
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread jjavaCell = new Thread(() -> {
            try {
                runner.cell("block", List.of(), "");
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        jjavaCell.start();
        started.await();
        jjavaCell.interrupt(); // what JJava's interrupt does: cancel the cell's task
        jjavaCell.join();
        assertTrue(magicInterrupted.get(), "the magic's thread was interrupted");
        assertEquals(1, interrupts.get(), "the magics' interrupt actions ran once");
        assertTrue(thrown.get() instanceof MagicRunner.MagicFailed, String.valueOf(thrown.get()));
        assertEquals("%%block interrupted", thrown.get().getMessage());
    }

    @Test
    void aCellFailureShowsItsTracebackAndFailsWithItsMessage() {
        catalog.registerRawCell(cellDoc("fail"), (raw, body) -> {
            throw new CellFailure("Timeout", "run-1 did not finish", List.of("Timeout: run-1 did not finish", "  w0 ..."));
        });
        MagicRunner.MagicFailed failed = assertThrows(MagicRunner.MagicFailed.class,
                () -> runner.cell("fail", List.of(), ""));
        assertEquals("Timeout: run-1 did not finish", failed.getMessage());
        assertEquals("Timeout: run-1 did not finish\n  w0 ...\n", errBytes.toString(StandardCharsets.UTF_8));
    }
}

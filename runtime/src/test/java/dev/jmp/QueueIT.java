package dev.jmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.PipeClosedException;
import dev.jmp.error.QueueEmptyException;
import dev.jmp.error.QueueFullException;
import dev.jmp.error.WaitInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Queues and pipes between the parent and real worker JVMs, and between workers. */
@Timeout(300)
class QueueIT extends WorkerTracking {

    @Test
    void parentAndChildExchangeThroughAQueue() {
        Queue<String> toChild = new Queue<>();
        Queue<String> toParent = new Queue<>();
        Process p = new Process(() -> {
            String s;
            while (!(s = toChild.get()).equals("stop")) {
                toParent.put(s.toUpperCase() + " from " + Worker.pid());
            }
        }).start();
        toChild.put("a");
        toChild.put("b");
        toChild.put("stop");
        assertEquals("A from " + p.pid(), toParent.get(Duration.ofSeconds(300)));
        assertEquals("B from " + p.pid(), toParent.get(Duration.ofSeconds(300)));
        p.join();
        assertEquals(0, p.exitCode());
        assertTrue(toParent.empty());
    }

    @Test
    void queuesAndPipesOfARuntimeOfItsOwnServeItsWorkersWithoutTheDefaultRuntime() {
        try (JmpRuntime rt = JmpRuntime.builder().build()) {
            Queue<Integer> q = new Queue<>(rt, 0);
            SimpleQueue<String> done = new SimpleQueue<>(rt);
            Pipe pipe = Pipe.open(rt, true);
            Connection child = pipe.second();
            Process p = new Process(() -> {
                q.put(6 * 7);
                child.send("via the pipe: " + child.<Integer>recv());
                done.put("done");
            }).runtime(rt).start();
            assertEquals(42, q.get(Duration.ofSeconds(300)));
            pipe.first().send(7);
            assertEquals("via the pipe: 7", pipe.first().recv(Duration.ofSeconds(300)));
            assertEquals("done", done.get());
            p.join();
            assertEquals(0, p.exitCode());
            assertTrue(JmpRuntime.runningDefault() == null, "the queues never started the default runtime");
        }
    }

    @Test
    void childToChildWriterAndReader() {
        Queue<Integer> q = new Queue<>();
        Queue<Integer> sums = new Queue<>();
        Process writer = new Process(() -> {
            for (int i = 1; i <= 100; i++) {
                q.put(i);
            }
            q.put(-1);
        }).start();
        Process reader = new Process(() -> {
            int sum = 0;
            for (int v = q.get(); v >= 0; v = q.get()) {
                sum += v;
            }
            sums.put(sum);
        }).start();
        assertEquals(5050, sums.get(Duration.ofSeconds(300)));
        writer.join();
        reader.join();
    }

    @Test
    void boundedQueueTimesOutWithFullAndEmpty() {
        Queue<Integer> q = new Queue<>(2);
        q.put(1);
        q.put(2, Duration.ofSeconds(1));
        assertTrue(q.full());
        assertEquals(2, q.qsize());
        QueueFullException full = assertThrows(QueueFullException.class, () -> q.put(3, Duration.ofMillis(100)));
        assertTrue(full.getMessage().contains("full"), full.getMessage());
        assertThrows(QueueFullException.class, () -> q.putNowait(3));
        assertEquals(1, q.get());
        assertEquals(2, q.getNowait());
        assertThrows(QueueEmptyException.class, q::getNowait);
        assertThrows(QueueEmptyException.class, () -> q.get(Duration.ofMillis(100)));
        assertThrows(IllegalArgumentException.class, () -> q.get(Duration.ofMillis(-1)));
    }

    @Test
    void aBlockedPutResumesWhenAWorkerMakesRoom() {
        Queue<Integer> q = new Queue<>(1);
        q.put(0);
        try (Pool pool = new Pool(1)) {
            AsyncResult<Integer> taker = pool.applyAsync(() -> {
                Thread.sleep(300);
                return q.get();
            });
            q.put(1, Duration.ofSeconds(300));
            assertEquals(0, taker.get());
            assertEquals(1, q.get());
        }
    }

    @Test
    void poolWorkersShareAQueue() {
        Queue<Integer> q = new Queue<>();
        try (Pool pool = new Pool(2)) {
            pool.map(x -> {
                q.put(x * 2);
                return null;
            }, IntStream.range(0, 50).boxed().collect(Collectors.toList()));
        }
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            got.add(q.get(Duration.ofSeconds(300)));
        }
        got.sort(null);
        assertEquals(IntStream.range(0, 50).map(x -> x * 2).boxed().collect(Collectors.toList()), got);
    }

    @Test
    void joinableQueueJoinsWhenEveryItemIsDone() {
        JoinableQueue<String> q = new JoinableQueue<>();
        Queue<String> seen = new Queue<>();
        Process consumer = new Process(() -> {
            while (true) {
                String s = q.get();
                seen.put(s);
                q.taskDone();
            }
        }).daemon(true).start();
        for (int i = 0; i < 10; i++) {
            q.put("job" + i);
        }
        q.join();
        assertEquals(10, seen.qsize());
        IllegalStateException tooMany = assertThrows(IllegalStateException.class, q::taskDone);
        assertTrue(tooMany.getMessage().contains("taskDone"), tooMany.getMessage());
        consumer.terminate();
        consumer.join();
    }

    @Test
    void simpleQueue() {
        SimpleQueue<byte[]> q = new SimpleQueue<>();
        assertTrue(q.empty());
        Process p = new Process(() -> q.put(new byte[] {1, 2, 3})).start();
        assertEquals(3, q.get().length);
        p.join();
    }

    @Test
    void duplexAndOneWayPipes() {
        Pipe pipe = Pipe.open();
        Connection mine = pipe.first();
        Connection theirs = pipe.second();
        Process echo = new Process(() -> {
            try {
                while (true) {
                    String s = theirs.recv();
                    theirs.send(s + "!");
                }
            } catch (PipeClosedException e) {
                theirs.close();
            }
        }).start();
        mine.send("hi");
        assertTrue(mine.poll(Duration.ofSeconds(300)));
        assertEquals("hi!", mine.recv());
        assertFalse(mine.poll());
        mine.close();
        echo.join();
        assertEquals(0, echo.exitCode());
        assertThrows(PipeClosedException.class, mine::recv);

        Pipe oneWay = Pipe.open(false);
        Connection reader = oneWay.first();
        Connection writer = oneWay.second();
        assertThrows(IllegalStateException.class, () -> reader.send("x"));
        assertThrows(IllegalStateException.class, writer::recv);
        Process w = new Process(() -> {
            writer.send(List.of(1, 2));
            writer.close();
        }).start();
        assertEquals(List.of(1, 2), reader.recv());
        assertThrows(PipeClosedException.class, reader::recv);
        w.join();
    }

    @Test
    void anInterruptedGetDoesNotSwallowALaterItem() throws Exception {
        Queue<String> q = new Queue<>();
        Thread t = new Thread(() -> assertThrows(WaitInterruptedException.class, q::get));
        t.start();
        Thread.sleep(200);
        t.interrupt();
        t.join();
        q.put("kept");
        assertEquals("kept", q.get(Duration.ofSeconds(300)));
    }
}

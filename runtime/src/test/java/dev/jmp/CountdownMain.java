package dev.jmp;

import dev.jmp.shared.Shared;
import dev.jmp.shared.SharedInt;
import dev.jmp.shared.SharedLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plain program for {@link CountdownIT}: the tutorial's hundred-process countdown with no
 * manager, as Python's {@code Value('i', 100)} and {@code Lock()}: a mapped {@link SharedInt} at
 * 100 and {@link Shared#lock()}, 100 {@link Process}es started at once, each decrementing once
 * under the lock. Prints the final count, the exit codes and the counts the processes saw.
 */
public final class CountdownMain {

    private CountdownMain() {
    }

    /** Entry point: {@code N}, the number of processes (and the count's start value). */
    public static void main(String[] args) {
        Jmp.setOutputEcho(false);
        int n = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        try (SharedInt count = Shared.intValue(n)) {
            SharedLock lock = Shared.lock();
            List<Process> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // A read-modify-write only the lock makes atomic, as the tutorial's `count.value -= 1`.
                ps.add(new Process(() -> {
                    lock.lock();
                    try {
                        int c = count.get();
                        count.set(c - 1);
                        return c;
                    } finally {
                        lock.unlock();
                    }
                }).start());
            }
            Map<Integer, Integer> codes = new TreeMap<>();
            TreeSet<Object> seen = new TreeSet<>();
            for (Process p : ps) {
                p.join();
                codes.merge(p.exitCode(), 1, Integer::sum);
                if (p.exitCode() != 0) {
                    System.out.println("failed: " + p + " pid " + p.pid() + ": " + p.exception() + " " + p.lastStderr());
                } else {
                    seen.add(p.result());
                }
            }
            System.out.printf("%d processes in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
            System.out.println("count " + count.get());
            System.out.println("exit codes " + codes);
            System.out.println("distinct counts seen " + seen.size()
                    + (seen.isEmpty() ? "" : " from " + seen.first() + " to " + seen.last()));
        }
    }
}

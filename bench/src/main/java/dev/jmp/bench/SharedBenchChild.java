package dev.jmp.bench;

import dev.jmp.shared.SharedDoubleArray;
import dev.jmp.shared.SharedInt;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One process of a {@link SharedBench} figure: reads the shared object (base64, first stdin
 * line), warms up on it, says {@code ready}, waits for {@code go}, runs its share of the work
 * and prints {@code done <startNanos> <endNanos>} ({@link System#nanoTime()} is the host's
 * monotonic clock on Linux, so the parent can compare the two children's spans).
 */
public final class SharedBenchChild {

    private SharedBenchChild() {
    }

    /**
     * Runs one child.
     *
     * @param args {@code counter|array}, the number of operations, and the array offset
     * @throws Exception if the object cannot be read or the parent says something unexpected
     */
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Object shared;
        try (ObjectInputStream objects = new ObjectInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(in.readLine())))) {
            shared = objects.readObject();
        }
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        int offset = Integer.parseInt(args[2]);
        run(mode, shared, Math.min(n, 2_000_000), offset);
        System.out.println("ready");
        if (!"go".equals(in.readLine())) {
            throw new IllegalStateException("expected go");
        }
        long start = System.nanoTime();
        run(mode, shared, n, offset);
        long end = System.nanoTime();
        System.out.println("done " + start + " " + end);
    }

    private static void run(String mode, Object shared, int n, int offset) {
        if (mode.equals("counter")) {
            SharedInt counter = (SharedInt) shared;
            for (int k = 0; k < n; k++) {
                counter.incrementAndGet();
            }
        } else {
            SharedDoubleArray array = (SharedDoubleArray) shared;
            int length = array.length();
            int i = offset % length;
            for (int k = 0; k < n; k++) {
                array.addAndGet(i, 1.0);
                if (++i == length) {
                    i = 0;
                }
            }
        }
    }
}

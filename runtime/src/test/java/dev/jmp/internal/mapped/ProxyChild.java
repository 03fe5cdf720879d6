package dev.jmp.internal.mapped;

import dev.jmp.shared.SharedDouble;
import dev.jmp.shared.SharedDoubleArray;
import dev.jmp.shared.SharedInt;
import dev.jmp.shared.SharedIntArray;
import dev.jmp.shared.SharedLong;
import dev.jmp.shared.SharedLongArray;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A child process for the multi-process tests: it reads a serialized shared object (base64,
 * first stdin line), says {@code ready}, waits for {@code go}, runs one scenario on it and
 * prints the outcome. Mode names are its first argument.
 */
public final class ProxyChild {

    private ProxyChild() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String mode = args[0];
        if (mode.equals("own")) {
            own(in, args[1]);
            return;
        }
        Object shared;
        try {
            shared = decode(in.readLine());
        } catch (IllegalStateException e) {
            System.out.println("error " + e.getClass().getName() + ": " + e.getMessage());
            return;
        }
        System.out.println("ready");
        if (!"go".equals(in.readLine())) {
            throw new IllegalStateException("expected go");
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        switch (mode) {
            case "incr":
                incr(shared, n);
                System.out.println("done");
                break;
            case "cas":
                System.out.println("done retries=" + cas((SharedLong) shared, n));
                break;
            case "array-add":
                arrayAdd(shared, n);
                System.out.println("done");
                break;
            case "bulk":
                bulk((SharedLongArray) shared, n);
                break;
            case "use":
                try {
                    System.out.println("value " + ((SharedLong) shared).incrementAndGet());
                } catch (IllegalStateException e) {
                    System.out.println("error " + e.getClass().getName() + ": " + e.getMessage());
                }
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void incr(Object shared, int n) {
        if (shared instanceof SharedLong) {
            SharedLong value = (SharedLong) shared;
            for (int k = 0; k < n; k++) {
                value.incrementAndGet();
            }
        } else {
            SharedInt value = (SharedInt) shared;
            for (int k = 0; k < n; k++) {
                value.incrementAndGet();
            }
        }
    }

    /** Increments by compare-and-set only, counting failed attempts (proof of contention). */
    private static long cas(SharedLong value, int n) {
        long retries = 0;
        for (int k = 0; k < n; k++) {
            long seen = value.get();
            while (!value.compareAndSet(seen, seen + 1)) {
                retries++;
                seen = value.get();
            }
        }
        return retries;
    }

    private static void arrayAdd(Object shared, int n) {
        if (shared instanceof SharedLongArray) {
            SharedLongArray array = (SharedLongArray) shared;
            for (int k = 0; k < n; k++) {
                array.addAndGet(k % array.length(), k % 7);
            }
        } else if (shared instanceof SharedIntArray) {
            SharedIntArray array = (SharedIntArray) shared;
            for (int k = 0; k < n; k++) {
                array.getAndIncrement(k % array.length());
            }
        } else {
            SharedDoubleArray array = (SharedDoubleArray) shared;
            for (int k = 0; k < n; k++) {
                array.addAndGet(k % array.length(), 0.5);
            }
        }
    }

    /** Reads the whole array, then writes {@code value} into its second half. */
    private static void bulk(SharedLongArray array, int value) {
        long[] all = array.toArray();
        System.out.println("read " + Arrays.stream(all).sum() + " " + all.length);
        long[] half = new long[array.length() / 2];
        Arrays.fill(half, value);
        array.set(array.length() - half.length, half);
        System.out.println("done");
    }

    /** Owns shared objects, prints them and their files, then exits (or hangs) as told. */
    private static void own(BufferedReader in, String how) throws Exception {
        SharedLong value = new SharedLong(42);
        SharedDoubleArray array = new SharedDoubleArray(new double[] {1.5, 2.5});
        SharedDouble unused = new SharedDouble(1);
        System.out.println("value " + ChildJvm.encode(value));
        System.out.println("dir " + MappedHome.get().ownerDirectory());
        System.out.println("files " + unused.name() + " " + array.name());
        System.out.println("ready");
        String line = in.readLine();
        if (how.equals("exit")) {
            System.exit(line == null ? 3 : 0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static Object decode(String base64) throws Exception {
        byte[] bytes = Base64.getDecoder().decode(base64);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}

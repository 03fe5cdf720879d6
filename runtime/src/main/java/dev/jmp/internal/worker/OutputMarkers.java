package dev.jmp.internal.worker;

import java.nio.charset.StandardCharsets;

/**
 * Marker lines a worker writes into its stdout pipe to say which stream and task the following
 * lines belong to, and when a task's output is complete. A marker is a line starting with the
 * unit separator and the worker's random nonce: {@code \u001f<nonce> o <job> <item>} (stdout),
 * {@code ... e <job> <item>} (stderr), {@code ... d <task>} (task done).
 */
public final class OutputMarkers {

    /** First byte of every marker line. */
    public static final byte LEAD = 0x1f;

    private OutputMarkers() {
    }

    /** A stream switch marker line (with its newline). */
    public static byte[] stream(String nonce, boolean err, long job, long item) {
        return ((char) LEAD + nonce + (err ? " e " : " o ") + job + " " + item + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A task-done marker line (with its newline). */
    public static byte[] done(String nonce, long task) {
        return ((char) LEAD + nonce + " d " + task + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A parsed marker. */
    public record Marker(char kind, long a, long b) {
    }

    /** Parses a line (without newline) as a marker, or returns {@code null} if it is output. */
    public static Marker parse(String nonce, String line) {
        if (line.isEmpty() || line.charAt(0) != (char) LEAD || !line.startsWith(nonce, 1)) {
            return null;
        }
        String[] parts = line.substring(1 + nonce.length()).trim().split(" ");
        try {
            if (parts.length == 3 && (parts[0].equals("o") || parts[0].equals("e"))) {
                return new Marker(parts[0].charAt(0), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
            if (parts.length == 2 && parts[0].equals("d")) {
                return new Marker('d', Long.parseLong(parts[1]), 0);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}

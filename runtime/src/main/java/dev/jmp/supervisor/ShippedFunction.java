package dev.jmp.supervisor;

import dev.jmp.SerializationException;
import dev.jmp.classes.TaskPreparers;
import dev.jmp.serial.Values;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A task function serialized once for a whole job, with a content key by which workers cache it.
 *
 * @param key   a hash of the bytes
 * @param bytes the serialized function
 */
public record ShippedFunction(String key, byte[] bytes) {

    /**
     * Serializes a function.
     *
     * The {@link TaskPreparers} run first, in the calling thread: their payloads (the kernel's
     * snapshot of notebook variables) travel with the function.
     *
     * @param rootName what to call it in errors ({@code task})
     * @throws dev.jmp.SerializationException naming the field path if it cannot be serialized
     * @throws RuntimeException               what a preparer threw to refuse the dispatch
     */
    public static ShippedFunction of(Object fn, String rootName) {
        Object shipped = TaskPreparers.prepare(fn);
        byte[] b;
        try {
            b = Values.encode(shipped, rootName);
        } catch (SerializationException e) {
            if (shipped != fn) {
                Values.encode(fn, rootName); // names the culprit by its path from the task, not from the wrapper
            }
            throw e;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b);
            return new ShippedFunction(HexFormat.of().formatHex(h, 0, 16), b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

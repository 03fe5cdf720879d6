package dev.jmp.magics.scan;

import java.io.IOException;

/**
 * Turns the values of notebook variables into bytes and back. The default is Java
 * serialization; the runtime's value-serialization facade can be plugged in instead, as long
 * as it resolves classes through the loader given to {@link #decode} (so that a record the
 * notebook declared comes back as the worker's copy of that record).
 */
public interface ValueCodec {

    /**
     * @param value the value, possibly {@code null}
     * @return its bytes
     * @throws IOException if the value cannot be encoded; a
     *                     {@link java.io.NotSerializableException} names the offending class
     */
    byte[] encode(Object value) throws IOException;

    /**
     * @param bytes  what {@link #encode} produced
     * @param loader the loader that resolves the classes of the decoded objects
     * @return the value
     * @throws IOException            if the bytes are malformed
     * @throws ClassNotFoundException if a class of the value is not visible to the loader
     */
    Object decode(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException;

    /** @return the codec using Java serialization */
    static ValueCodec javaSerialization() {
        return JavaSerializationCodec.INSTANCE;
    }
}

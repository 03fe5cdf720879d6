package dev.jmp.magics.scan;

import dev.jmp.spi.ObjectDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;

/** {@link ValueCodec} by Java serialization, resolving classes through the given loader. */
final class JavaSerializationCodec implements ValueCodec {

    static final JavaSerializationCodec INSTANCE = new JavaSerializationCodec();

    private JavaSerializationCodec() {
    }

    @Override
    public byte[] encode(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object decode(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        return ObjectDecoder.decode(bytes, 0, bytes.length, loader);
    }
}

package dev.jmp.spi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;

/**
 * Java deserialization that resolves classes through a given loader: in a worker the loader
 * that fetches classes from the parent, in the parent the caller's result loader, in the
 * kernel the notebook's loader. The JDK default would use the nearest user-defined loader on
 * the stack, which knows none of them. Classes the loader cannot find (primitives, platform
 * classes) resolve the default way.
 */
public final class ObjectDecoder {

    private ObjectDecoder() {
    }

    /**
     * Reads one object.
     *
     * @param bytes  a Java serialization stream
     * @param offset where the stream starts in {@code bytes}
     * @param length its length
     * @param loader resolves the stream's classes
     * @return the object
     * @throws IOException            if the stream is malformed
     * @throws ClassNotFoundException if a class is visible neither to the loader nor by default
     */
    public static Object decode(byte[] bytes, int offset, int length, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderStream(new ByteArrayInputStream(bytes, offset, length), loader)) {
            return in.readObject();
        }
    }

    /** Resolves through one loader, proxies included. */
    private static final class LoaderStream extends ObjectInputStream {

        private final ClassLoader loader;

        LoaderStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
            Class<?>[] types = new Class<?>[interfaces.length];
            for (int i = 0; i < interfaces.length; i++) {
                types[i] = Class.forName(interfaces[i], false, loader);
            }
            @SuppressWarnings("deprecation")
            Class<?> proxy = Proxy.getProxyClass(loader, types);
            return proxy;
        }
    }
}

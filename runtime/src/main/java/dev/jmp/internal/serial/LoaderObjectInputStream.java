package dev.jmp.internal.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;

/**
 * An object stream that resolves classes through a given loader: in a worker the loader that
 * fetches classes from the parent, in the parent the caller's result loader. The JDK default
 * would use the nearest user-defined loader on the stack, which knows neither.
 */
final class LoaderObjectInputStream extends ObjectInputStream {

    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
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

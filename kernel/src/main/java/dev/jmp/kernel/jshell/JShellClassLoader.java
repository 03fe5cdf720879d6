package dev.jmp.kernel.jshell;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of the notebook's code: classes JShell compiled (declared by the loader
 * delegate) plus the jars and folders added with {@code %jars}, {@code %classpath} or
 * {@code %maven}. Its parent is the kernel's class loader, so cells see the jmp runtime.
 *
 * <p>Use it to resolve notebook-defined types outside JShell, for example when deserializing a
 * worker's result.
 */
public final class JShellClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    /**
     * Creates the loader.
     *
     * @param parent the kernel's class loader
     */
    public JShellClassLoader(ClassLoader parent) {
        super(new URL[0], parent);
    }

    void declare(String binaryName, byte[] bytecode) {
        declared.put(binaryName, bytecode);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = declared.get(name);
        if (bytes != null) {
            return defineClass(name, bytes, 0, bytes.length);
        }
        return super.findClass(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        // Serve JShell's classes as resources too, so tools that read class files through a
        // loader (serializers, the runtime's default class source) find them.
        if (name.endsWith(".class")) {
            byte[] bytes = declared.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            if (bytes != null) {
                return new ByteArrayInputStream(bytes);
            }
        }
        return super.getResourceAsStream(name);
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}

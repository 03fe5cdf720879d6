package dev.jmp;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source to class bytes in memory and defines the classes from those bytes alone
 * (no file is ever written), the way JShell holds notebook classes.
 */
final class InMemoryCompiler extends ClassLoader {

    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

    InMemoryCompiler(ClassLoader parent) {
        super(parent);
    }

    /** Compiles {@code sources} (class name to source text). */
    InMemoryCompiler compile(Map<String, String> sources) {
        return compile(sources, List.of());
    }

    /** Compiles {@code sources} with extra javac options (such as {@code --release 17}). */
    InMemoryCompiler compile(Map<String, String> sources, List<String> options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager std = javac.getStandardFileManager(null, null, null);
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                bytes.put(className, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        List<JavaFileObject> units = sources.entrySet().stream().map(e -> (JavaFileObject) new SimpleJavaFileObject(
                URI.create("string:///" + e.getKey().replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return e.getValue();
            }
        }).toList();
        List<String> all = new java.util.ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
                "-proc:none"));
        all.addAll(options);
        boolean ok = javac.getTask(null, fm, null, all, null, units).call();
        if (!ok) {
            throw new IllegalStateException("in-memory compilation failed");
        }
        return this;
    }

    /** The bytes of a compiled class, or {@code null} (a {@link dev.jmp.spi.ClassSource}). */
    byte[] bytesOf(String name) {
        return bytes.get(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytes.get(name);
        if (b == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
    }
}

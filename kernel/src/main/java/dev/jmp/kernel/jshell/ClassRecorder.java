package dev.jmp.kernel.jshell;

import dev.jmp.spi.ClassSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name and bytecode of every class JShell loaded in this kernel, redefinitions included
 * (the latest bytes win). This is the kernel's {@link ClassSource}: the runtime ships these
 * bytes to workers so code written in a notebook runs where the notebook never was.
 */
public final class ClassRecorder implements ClassSource {

    private final Map<String, byte[]> classes = new ConcurrentHashMap<>();

    /** Creates an empty recorder. */
    public ClassRecorder() {
    }

    /**
     * Records a class (called by the loader delegate for each class JShell loads or redefines).
     *
     * @param binaryName the class's binary name
     * @param bytecode   its class file
     */
    public void record(String binaryName, byte[] bytecode) {
        byte[] copy = bytecode.clone();
        classes.put(binaryName, copy);
    }

    @Override
    public byte[] classBytes(String binaryName) {
        byte[] bytes = classes.get(binaryName);
        return bytes == null ? null : bytes.clone();
    }

    /**
     * The names of every recorded class, sorted.
     *
     * @return a snapshot of the names
     */
    public Set<String> classNames() {
        return new TreeSet<>(classes.keySet());
    }
}

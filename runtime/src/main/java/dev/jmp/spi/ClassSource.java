package dev.jmp.spi;

/**
 * Where a worker's missing classes come from: the parent answers a worker's request for a
 * class it cannot find on its own classpath with the bytes this source returns.
 *
 * <p>The runtime's default serves the parent's own classpath and class loaders; the kernel
 * plugs in the classes JShell defined, so code written in a notebook runs in workers that
 * never saw the notebook.
 */
@FunctionalInterface
public interface ClassSource {

    /**
     * Returns the bytecode of a class.
     *
     * @param binaryName the class's binary name, as {@link ClassLoader#loadClass(String)} takes it
     *                   (for example {@code REPL.$JShell$12$Point})
     * @return the class file bytes, or {@code null} when this source does not know the class
     */
    byte[] classBytes(String binaryName);
}

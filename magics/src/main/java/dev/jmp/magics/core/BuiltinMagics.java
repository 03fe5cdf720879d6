package dev.jmp.magics.core;

import dev.jmp.magics.KernelCallbacks;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicsProvider;
import dev.jmp.magics.classpath.ClasspathMagics;
import dev.jmp.magics.classpath.MavenMagics;
import dev.jmp.magics.shell.ShellMagics;

/**
 * The magics every jmp kernel has: {@code %lsmagic}, {@code %jars}, {@code %classpath},
 * {@code %maven}, {@code %sh}/{@code %%sh}. Found by {@link java.util.ServiceLoader} like any
 * other {@link MagicsProvider}.
 */
public final class BuiltinMagics implements MagicsProvider {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public BuiltinMagics() {
    }

    @Override
    public void register(MagicCatalog catalog, KernelCallbacks callbacks) {
        LsMagics.register(catalog, callbacks::out);
        new ClasspathMagics(callbacks.workingDirectory(), callbacks::addToClasspath,
                callbacks::addedClasspath, callbacks::out).register(catalog);
        new MavenMagics(callbacks.artifactResolver(), callbacks::addToClasspath, callbacks::out).register(catalog);
        ShellMagics shell = new ShellMagics(callbacks.workingDirectory(), callbacks::out, callbacks::err);
        shell.register(catalog);
        callbacks.onInterrupt(shell::killAll);
        callbacks.onShutdown(shell::killAll);
    }
}

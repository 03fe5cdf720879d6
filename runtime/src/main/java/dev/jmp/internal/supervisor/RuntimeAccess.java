package dev.jmp.internal.supervisor;

import java.util.function.Function;

/**
 * How exported classes outside {@code dev.jmp} (the shared objects' {@code Manager}) reach the
 * supervisor of the {@code JmpRuntime} they were given, without a public method of the runtime
 * that would show an internal type (the JDK's shared-secrets pattern). {@code JmpRuntime} installs
 * the one function when its class initializes, which is before anyone can hold a runtime.
 */
public final class RuntimeAccess {

    private static volatile Function<Object, Supervisor> unwrap;

    private RuntimeAccess() {
    }

    /**
     * Installs the function that opens a runtime object (called once, by {@code JmpRuntime}).
     *
     * @throws IllegalStateException if one was installed already
     */
    public static synchronized void install(Function<Object, Supervisor> opener) {
        if (unwrap != null) {
            throw new IllegalStateException("the runtime access was installed already");
        }
        unwrap = opener;
    }

    /**
     * @param runtime a {@code dev.jmp.JmpRuntime}
     * @return its supervisor
     */
    public static Supervisor supervisor(Object runtime) {
        Function<Object, Supervisor> f = unwrap;
        if (f == null) {
            throw new IllegalStateException("no runtime was created yet");
        }
        return f.apply(runtime);
    }
}

package dev.jmp.jjava;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An exception as traceback lines, read from its frames rather than from {@code printStackTrace}:
 * a worker's {@code RemoteException} prints itself through the formatter the magics install, and
 * JJava's {@code formatError} calls {@code printStackTrace}, so going through either would loop.
 * Frames of the kernel, JShell, reflection and jmp's machinery are left out.
 */
final class TraceText {

    private static final List<String> HIDDEN = List.of("dev.jmp.internal.", "dev.jmp.jjava.", "dev.jmp.magics.",
            "org.dflib.jjava.", "jdk.jshell.", "jdk.internal.", "java.lang.reflect.", "java.util.concurrent.");

    private TraceText() {
    }

    static List<String> lines(Throwable error) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            lines.add((t == error ? "" : "Caused by: ") + t);
            for (StackTraceElement frame : t.getStackTrace()) {
                if (HIDDEN.stream().noneMatch(frame.getClassName()::startsWith)) {
                    lines.add("\tat " + frame);
                }
            }
        }
        return lines;
    }
}

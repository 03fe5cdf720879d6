package dev.jmp.kernel.jshell;

import dev.jmp.error.RemoteException;
import dev.jmp.spi.NotebookNames;
import dev.jmp.spi.TraceFormat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an exception thrown by notebook code into the lines a user wants: the exception and
 * its causes, with frames in notebook code shown as cell lines and the frames of JShell,
 * reflection and the kernel (everything below the snippet) removed. Exceptions thrown in a
 * worker ({@link RemoteException}) read the same: their frames of notebook classes are mapped
 * through {@link WrapperLines}, and the worker's task machinery below them is removed.
 */
public final class StackTraceCleaner {

    private static final String JSHELL_STOP_CHECK = "REPL.$Cancel$";
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?\\$?");
    private static final Pattern SNIPPET_FILE = Pattern.compile("#(\\d+)");
    // jmp's machinery: any dev.jmp subpackage but the shared objects (a cell calls the API in
    // dev.jmp and dev.jmp.shared; its frames stay).
    private static final Pattern INTERNAL = Pattern.compile("dev\\.jmp\\.(?!shared\\.)[a-z]+\\.");
    private static final Pattern LAMBDA_METHOD = Pattern.compile("lambda\\$(.+?)(?:\\$[0-9a-f]{8})?\\$\\d+");

    private final SnippetLocations locations;
    private final WrapperLines wrappers;

    /**
     * Creates a cleaner.
     *
     * @param locations where snippets came from
     */
    public StackTraceCleaner(SnippetLocations locations) {
        this(locations, new WrapperLines(locations));
    }

    /**
     * Creates a cleaner that also maps untranslated frames of wrapper classes.
     *
     * @param locations where snippets came from
     * @param wrappers  wrapper line tables
     */
    public StackTraceCleaner(SnippetLocations locations, WrapperLines wrappers) {
        this.locations = locations;
        this.wrappers = wrappers;
    }

    /**
     * The user-facing name of a class: JShell's wrapper prefix removed.
     *
     * @param className a binary class name
     * @return for example {@code Point} for {@code REPL.$JShell$13$Point}
     */
    public static String userClassName(String className) {
        Matcher m = WRAPPER.matcher(className);
        return m.lookingAt() ? className.substring(m.end()) : className;
    }

    /**
     * Formats an exception and its causes.
     *
     * @param error the exception
     * @return the traceback lines
     */
    public List<String> format(Throwable error) {
        return format(error, null);
    }

    /**
     * Formats an exception and its causes, taking frames from JShell's translated copy of it
     * when there is one: JShell maps frames of its generated wrapper classes back to snippet
     * lines ({@code #7:2}), which this cleaner then maps to cell lines.
     *
     * @param error      the exception as thrown
     * @param translated JShell's copy with translated frames (same cause chain), or null
     * @return the traceback lines
     */
    public List<String> format(Throwable error, Throwable translated) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = error;
        Throwable copy = translated;
        String prefix = "";
        while (t != null && seen.add(t)) {
            lines.add(prefix + headline(t));
            StackTraceElement[] frames = merge(t.getStackTrace(), copy == null ? null : copy.getStackTrace());
            for (StackTraceElement frame : userFrames(frames)) {
                // a worker trims a long recursion (a stack overflow) to its calls once and a marker
                String omitted = TraceFormat.omittedFrames(frame);
                lines.add(omitted != null ? "    " + omitted : "    at " + frame(frame));
            }
            for (Throwable suppressed : t.getSuppressed()) {
                lines.add("    Suppressed: " + headline(suppressed));
            }
            t = t.getCause();
            copy = copy == null ? null : copy.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }

    /**
     * JShell's translated trace covers the frames down to the snippet's entry point, in the
     * same order as the real one; take those and keep the real frames below them.
     */
    private static StackTraceElement[] merge(StackTraceElement[] real, StackTraceElement[] translated) {
        if (translated == null || translated.length > real.length) {
            return real;
        }
        StackTraceElement[] merged = real.clone();
        for (int i = 0; i < translated.length; i++) {
            String method = translated[i].getMethodName();
            if (!method.isEmpty() && !method.equals(real[i].getMethodName())) {
                return real;
            }
            // JShell's copy blanks class names; keep the real class and method, take its snippet position.
            merged[i] = new StackTraceElement(real[i].getClassName(), real[i].getMethodName(),
                    translated[i].getFileName(), translated[i].getLineNumber());
        }
        return merged;
    }

    /**
     * The headline of an exception: user-facing class name and message, its JShell names
     * translated ({@link NotebookNames#displayText}).
     *
     * @param t the exception
     * @return for example {@code java.lang.ArithmeticException: / by zero}
     */
    public static String headline(Throwable t) {
        if (t instanceof RemoteException remote) {
            String name = userClassName(remote.remoteClassName());
            String message = NotebookNames.displayText(remote.remoteMessage());
            return message == null ? name : name + ": " + message;
        }
        String name = userClassName(t.getClass().getName());
        String message = NotebookNames.displayText(t.getLocalizedMessage());
        return message == null ? name : name + ": " + message;
    }

    /**
     * The frames above the point where the kernel invoked the snippet.
     *
     * @param frames a full stack trace
     * @return the user's part of it
     */
    static List<StackTraceElement> userFrames(StackTraceElement[] frames) {
        int cut = frames.length;
        for (int i = 0; i < frames.length; i++) {
            String cls = frames[i].getClassName();
            if (cls.equals(JmpExecutionControl.class.getName()) || cls.startsWith("jdk.jshell.")
                    || cls.startsWith("dev.jmp.internal.worker.")) {
                cut = i;
                break;
            }
        }
        while (cut > 0 && isReflection(frames[cut - 1].getClassName())) {
            cut--;
        }
        // Where jmp's machinery threw on the user's behalf (a variable that cannot be sent, say),
        // its frames above the user's call are internals; the public API's frames stay.
        int start = 0;
        while (start < cut && INTERNAL.matcher(frames[start].getClassName()).lookingAt()) {
            start++;
        }
        if (start == cut) {
            start = 0;
        }
        List<StackTraceElement> kept = new ArrayList<>();
        for (int i = start; i < cut; i++) {
            // JShell (on newer JDKs) compiles a stop check into the user's methods and loops: a
            // frame of its own, which a stack overflow or an interrupt can land in.
            if (!frames[i].getClassName().equals(JSHELL_STOP_CHECK)) {
                kept.add(frames[i]);
            }
        }
        return kept;
    }

    private static boolean isReflection(String cls) {
        return cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                || cls.startsWith("sun.reflect.");
    }

    private String frame(StackTraceElement frame) {
        String cls = frame.getClassName();
        Matcher wrapper = WRAPPER.matcher(cls);
        String file = frame.getFileName();
        if (!wrapper.lookingAt()) {
            return frame.toString();
        }
        Matcher id = file == null ? null : SNIPPET_FILE.matcher(file);
        String where;
        if (id != null && id.matches()) {
            where = locations.describe(id.group(1), frame.getLineNumber())
                    .orElse("snippet " + file + ", line " + frame.getLineNumber());
        } else {
            where = wrappers.describe(cls, frame.getLineNumber()).orElse(null);
        }
        String owner = cls.substring(wrapper.end());
        String method = frame.getMethodName();
        if (where != null && (method.equals("do_it$") || method.startsWith("lambda$do_it$"))) {
            return where;
        }
        owner = owner.replaceAll("\\$?\\$Lambda\\$.*$", "");
        Matcher lambda = LAMBDA_METHOD.matcher(method);
        if (lambda.matches()) {
            method = "lambda in " + lambda.group(1);
        }
        String name = owner.isEmpty() ? method : owner.replace('$', '.') + "." + method;
        return where == null ? name : name + " (" + where + ")";
    }
}

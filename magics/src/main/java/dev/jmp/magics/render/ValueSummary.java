package dev.jmp.magics.render;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One-line summaries of values (a spawn's results, a pool's failed items, a shared object's
 * state) whose cost is bounded by the text shown, not by the value: a 300 MB array, a string of
 * a billion characters or a list of ten million elements is read only as far as the summary
 * goes. Arrays of every kind (nested too), strings and other character sequences, and the JDK's
 * collections and maps are rendered element by element, in the form their {@code toString}
 * uses, and rendering stops as soon as the text is longer than asked; any other object's own
 * {@code toString} is called (a user class decides what that costs) and its text cut.
 */
public final class ValueSummary {

    /** Thrown (without a trace) to stop rendering once the budget is spent. */
    private static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null, false, false);
        }
    }

    private static final Full FULL = new Full();

    private final StringBuilder out = new StringBuilder();
    private final int limit;
    private final IdentityHashMap<Object, Boolean> open = new IdentityHashMap<>();

    private ValueSummary(int limit) {
        this.limit = limit;
    }

    /**
     * Summarizes a value as {@code String.valueOf} would render it.
     *
     * @param value any value, or null
     * @param max   the most characters returned (at least 2)
     * @return the text on one line (line breaks as {@code \n}), cut with {@code …} when longer than {@code max}
     */
    public static String of(Object value, int max) {
        return render(value, max, false);
    }

    /**
     * Summarizes a value, a {@code String} in double quotes (so {@code "42"} and {@code 42} differ).
     *
     * @param value any value, or null
     * @param max   the most characters returned (at least 2)
     * @return the text on one line, cut with {@code …} when longer than {@code max}
     */
    public static String quoted(Object value, int max) {
        return render(value, max, true);
    }

    private static String render(Object value, int max, boolean quote) {
        if (max < 2) {
            throw new IllegalArgumentException("a summary needs at least 2 characters, got " + max);
        }
        ValueSummary summary = new ValueSummary(max + 1);
        try {
            if (quote && value instanceof String s) {
                summary.append("\"");
                summary.append(s);
                summary.append("\"");
            } else {
                summary.value(value);
            }
        } catch (Full enough) {
            // The text is already longer than shown: stop reading the value.
        } catch (RuntimeException | StackOverflowError e) {
            summary.out.setLength(0);
            summary.open.clear();
            try {
                String type = value.getClass().getSimpleName().isEmpty() ? value.getClass().getName()
                        : value.getClass().getSimpleName();
                summary.append(type + " (toString failed: " + e + ")");
            } catch (Full enough) {
                // cut below
            }
        }
        String text = summary.out.toString();
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private void value(Object v) {
        if (v == null) {
            append("null");
        } else if (v instanceof CharSequence s) {
            append(s);
        } else if (v.getClass().isArray()) {
            array(v);
        } else if (v instanceof Collection<?> c && toStringFromJdk(c)) {
            collection(c);
        } else if (v instanceof Map<?, ?> m && toStringFromJdk(m)) {
            map(m);
        } else {
            append(String.valueOf(v));
        }
    }

    private void array(Object a) {
        if (open.put(a, Boolean.TRUE) != null) {
            append("[...]");
            return;
        }
        append("[");
        int n = Array.getLength(a);
        boolean objects = !a.getClass().getComponentType().isPrimitive();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                append(", ");
            }
            if (objects) {
                value(((Object[]) a)[i]);
            } else {
                append(String.valueOf(Array.get(a, i)));
            }
        }
        append("]");
        open.remove(a);
    }

    private void collection(Collection<?> c) {
        if (open.put(c, Boolean.TRUE) != null) {
            append("(this Collection)");
            return;
        }
        append("[");
        Iterator<?> it = c.iterator();
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                append(", ");
            }
            first = false;
            value(it.next());
        }
        append("]");
        open.remove(c);
    }

    private void map(Map<?, ?> m) {
        if (open.put(m, Boolean.TRUE) != null) {
            append("(this Map)");
            return;
        }
        append("{");
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                append(", ");
            }
            first = false;
            Map.Entry<?, ?> e = it.next();
            value(e.getKey());
            append("=");
            value(e.getValue());
        }
        append("}");
        open.remove(m);
    }

    /**
     * Whether an object's {@code toString} is the JDK's (whose form this class reproduces); a
     * collection class of a library or the notebook that writes its own is left to it.
     */
    private static boolean toStringFromJdk(Object o) {
        try {
            Method m = o.getClass().getMethod("toString");
            return m.getDeclaringClass().getName().startsWith("java.");
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Appends text on one line, reading no further than the budget. */
    private void append(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (out.length() >= limit) {
                throw FULL;
            }
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }
}

package dev.jmp.magics.spawn;

/**
 * Turns a {@code %%spawn} body into a snippet the notebook's JShell compiles: a serializable
 * callable whose lines are the cell's lines. The body goes inside {@code if (true) { ... }}
 * followed by {@code return null;}, so it may end with {@code return value;} or fall through
 * (Java accepts a statement after {@code if (true)} as reachable).
 */
final class SpawnBody {

    /** The notebook variable holding the last compiled body (each {@code %%spawn} replaces it). */
    static final String VARIABLE = "$jmpSpawn";

    private SpawnBody() {
    }

    /**
     * The snippet: line 1 stands for the {@code %%spawn} line, line k + 1 is body line k, as in
     * the cell, so compile errors and stack traces name the cell's lines.
     *
     * @param body the cell body
     * @return the Java source to evaluate
     */
    static String source(String body) {
        return "dev.jmp.function.SerialCallable<Object> " + VARIABLE + " = (dev.jmp.function.SerialCallable<Object>) () -> { if (true) {\n"
                + body + (body.endsWith("\n") ? "" : "\n") + "} return null; };";
    }
}

package dev.jmp.magics.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of a run, kept to print them grouped by worker at the end ({@code --group}) or to
 * replay them in a later cell ({@code %wait}). At most {@value #MAX_LINES} lines are kept; the
 * ones beyond are counted per source and reported where they would have been.
 */
public final class OutputLog {

    /** The most lines one log keeps. */
    public static final int MAX_LINES = 20_000;

    /**
     * One line.
     *
     * @param source the worker's (or item's) index, which orders groups
     * @param label  the label printed before the line, such as {@code [w0] }
     * @param stderr whether it was written to stderr
     * @param text   the line without its terminator
     */
    public record Line(int source, String label, boolean stderr, String text) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final Map<Integer, Integer> dropped = new TreeMap<>();
    private final Map<Integer, String> labels = new TreeMap<>();

    /**
     * Keeps a line.
     *
     * @param line the line
     */
    public synchronized void add(Line line) {
        labels.putIfAbsent(line.source(), line.label());
        if (lines.size() >= MAX_LINES) {
            dropped.merge(line.source(), 1, Integer::sum);
            return;
        }
        lines.add(line);
    }

    /**
     * The lines in arrival order.
     *
     * @return a copy
     */
    public synchronized List<Line> inOrder() {
        return List.copyOf(lines);
    }

    /**
     * Replays the lines into a streamer, in arrival order or grouped by source (each source's
     * lines in order, sources by index), then a note for lines not kept.
     *
     * @param out     where the lines go
     * @param grouped whether to group by source
     */
    public void replay(LineStreamer out, boolean grouped) {
        List<Line> copy;
        Map<Integer, Integer> lost;
        Map<Integer, String> names;
        synchronized (this) {
            copy = new ArrayList<>(lines);
            lost = new TreeMap<>(dropped);
            names = new TreeMap<>(labels);
        }
        if (grouped) {
            copy.sort((a, b) -> Integer.compare(a.source(), b.source())); // stable: keeps each source's order
        }
        for (Line l : copy) {
            out.line(l.label(), l.stderr(), l.text());
        }
        lost.forEach((source, count) -> out.line(names.getOrDefault(source, ""), true,
                "... " + count + " more line" + (count == 1 ? "" : "s") + " not kept (a run keeps at most "
                        + MAX_LINES + ")"));
        out.flush();
    }
}

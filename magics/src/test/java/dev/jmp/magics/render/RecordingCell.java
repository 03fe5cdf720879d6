package dev.jmp.magics.render;

import dev.jmp.magics.CellOutput;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A cell output that records what was published, in order, as {@code kind|text} entries. */
public final class RecordingCell implements CellOutput {

    /** Everything published. */
    public final List<String> published = new CopyOnWriteArrayList<>();

    @Override
    public void stdout(String text) {
        published.add("stdout|" + text);
    }

    @Override
    public void stderr(String text) {
        published.add("stderr|" + text);
    }

    @Override
    public void display(String displayId, Map<String, String> bundle) {
        published.add("display|" + displayId + "|" + bundle.get("text/plain"));
    }

    @Override
    public void updateDisplay(String displayId, Map<String, String> bundle) {
        published.add("update|" + displayId + "|" + bundle.get("text/plain"));
    }
}

package dev.jmp.magics.timeline;

import dev.jmp.magics.CellOutput;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;
import dev.jmp.magics.MagicOption;
import dev.jmp.magics.MagicOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** {@code %timeline}: an SVG chart of the last (or a named) {@code %%pool} or {@code %%spawn} run. */
public final class TimelineMagics {

    static final MagicOption<String> OUT = MagicOption.text("--out", "FILE.svg",
            "also write the chart to FILE.svg (relative to the kernel's working directory)");
    static final MagicOption<Integer> WIDTH = MagicOption.integer("--width", "PX", 200, 4000,
            "the chart's width in pixels").orElse(TimelineSvg.DEFAULT_WIDTH);

    static final MagicOptions OPTIONS = new MagicOptions("%timeline", "[NAME]", OUT, WIDTH);

    /** The documentation of {@code %timeline}. */
    public static final MagicDoc DOC = new MagicDoc("timeline", true, false,
            "Chart the last %%pool or %%spawn run as SVG: a row per worker, a bar per item or process.",
            OPTIONS.help(null, """
                    Draws when and where the work of the last %%pool or %%spawn run happened
                    (or of the run NAME, one of the last 20): one row per worker process, one bar
                    per item (%%pool) or per process (%%spawn), green when it succeeded, red when
                    it failed, grey while still running, on a time axis in seconds from the run's
                    start. Hovering a bar shows the item's index (or the process) and its duration.
                    Consoles and nbconvert's text output get a summary per worker instead.
                    A run keeps (and draws) the first 10000 items to finish as bars; later ones are
                    only counted per worker (items, failures, busy time), so memory stays bounded.""", """
                    %timeline
                    %timeline pool-2 --width 1200
                    %timeline --out timeline.svg"""));

    private final Timelines timelines;
    private final Supplier<CellOutput> cell;
    private final Path workingDirectory;

    /**
     * Creates the magic.
     *
     * @param timelines        the runs' timelines
     * @param cell             the running cell's output
     * @param workingDirectory where relative {@code --out} files go
     */
    public TimelineMagics(Timelines timelines, Supplier<CellOutput> cell, Path workingDirectory) {
        this.timelines = timelines;
        this.cell = cell;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Registers {@code %timeline}.
     *
     * @param catalog the catalog
     */
    public void register(MagicCatalog catalog) {
        catalog.registerLine(DOC, args -> {
            timeline(args);
            return null;
        });
    }

    /**
     * Runs {@code %timeline}.
     *
     * @param args the options
     * @throws MagicException for a bad option, an unknown run, or a file that cannot be written
     */
    public void timeline(List<String> args) throws MagicException {
        MagicOptions.Parsed o = OPTIONS.parse(args);
        if (o.positional().size() > 1) {
            throw new MagicException("%timeline takes at most one run name, got: " + String.join(" ", o.positional()));
        }
        int width = o.get(WIDTH);
        String out = o.get(OUT);
        Timeline t;
        CellOutput output = cell.get();
        if (o.positional().isEmpty()) {
            var last = timelines.last();
            if (last.isEmpty()) {
                output.stdout("No %%pool or %%spawn run yet: %timeline charts the last one. "
                        + "Run a %%pool or %%spawn cell, then %timeline.\n");
                return;
            }
            t = last.get();
        } else {
            String name = o.positional().get(0);
            List<String> known = timelines.names();
            t = timelines.named(name).orElseThrow(() -> new MagicException("%timeline: no run named " + name
                    + (known.isEmpty() ? " (no %%pool or %%spawn run yet)" : "; recent runs: " + String.join(", ", known))));
        }
        String svg = TimelineSvg.render(t, width);
        String text = TimelineText.render(t);
        if (out != null) {
            Path file = workingDirectory.resolve(out).toAbsolutePath().normalize();
            try {
                Files.writeString(file, svg, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new MagicException("%timeline: cannot write " + file + ": " + e, e);
            }
            text = text + "Wrote the chart to " + file + "\n";
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("image/svg+xml", svg);
        bundle.put("text/plain", text);
        output.display(UUID.randomUUID().toString(), bundle);
    }
}

package dev.jmp.magics;

import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.kernel.magic.registry.UndefinedMagicException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The kernel's magics: basekernel's {@link Magics} registry plus, for every magic, the
 * {@link MagicDoc} that {@code %lsmagic} lists and {@code --help} prints.
 *
 * <p>Every magic registered here answers {@code --help} (or {@code -h}) by printing its usage,
 * without running; an unknown name fails with a message that names it and points to
 * {@code %lsmagic}.
 */
public final class MagicCatalog {

    private final Magics registry = new Magics();
    private final Map<String, MagicDoc> docs = new ConcurrentHashMap<>();
    private final Map<String, RawLineMagic> rawLineMagics = new ConcurrentHashMap<>();
    private final Map<String, RawCellMagic> rawCellMagics = new ConcurrentHashMap<>();
    private final Supplier<PrintStream> out;

    /**
     * Creates an empty catalog.
     *
     * @param out where {@code --help} text goes (the running cell's stdout)
     */
    public MagicCatalog(Supplier<PrintStream> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Registers a line magic.
     *
     * @param doc      its documentation; {@code doc.line()} must be true
     * @param function what it does with its split arguments
     */
    public void registerLine(MagicDoc doc, LineMagicFunction<?> function) {
        require(doc.line(), doc, "a line magic");
        docs.merge(doc.name(), doc, (a, b) -> b);
        registry.registerLineMagic(doc.name(), helpAwareLine(doc, function));
    }

    /**
     * Registers a line magic that receives its argument text unsplit.
     *
     * @param doc      its documentation; {@code doc.line()} must be true
     * @param function what it does with the raw text
     */
    public void registerRawLine(MagicDoc doc, RawLineMagic function) {
        require(doc.line(), doc, "a line magic");
        docs.merge(doc.name(), doc, (a, b) -> b);
        rawLineMagics.put(doc.name(), function);
        registry.registerLineMagic(doc.name(), helpAwareLine(doc, args -> function.execute(String.join(" ", args))));
    }

    /**
     * Registers a cell magic.
     *
     * @param doc      its documentation; {@code doc.cell()} must be true
     * @param function what it does with its split arguments and the cell body
     */
    public void registerCell(MagicDoc doc, CellMagicFunction<?> function) {
        require(doc.cell(), doc, "a cell magic");
        docs.merge(doc.name(), doc, (a, b) -> b);
        registry.registerCellMagic(doc.name(), (args, body) -> {
            if (MagicArgs.wantsHelp(args)) {
                printHelp(doc);
                return null;
            }
            return function.execute(args, body);
        });
    }

    /**
     * Registers a cell magic that receives its first line's argument text unsplit.
     *
     * @param doc      its documentation; {@code doc.cell()} must be true
     * @param function what it does with the raw text and the body
     */
    public void registerRawCell(MagicDoc doc, RawCellMagic function) {
        require(doc.cell(), doc, "a cell magic");
        docs.merge(doc.name(), doc, (a, b) -> b);
        rawCellMagics.put(doc.name(), function);
        registry.registerCellMagic(doc.name(), (args, body) -> {
            if (MagicArgs.wantsHelp(args)) {
                printHelp(doc);
                return null;
            }
            return function.execute(String.join(" ", args), body);
        });
    }

    /**
     * Runs a line magic.
     *
     * @param name    the magic's name without {@code %}
     * @param rawArgs the text after the name
     * @return the magic's result, or {@code null}
     * @throws Exception an {@link UnknownMagicException} for an unknown magic, a {@link MagicException} for bad use, or whatever the magic throws
     */
    public Object applyLine(String name, String rawArgs) throws Exception {
        RawLineMagic raw = rawLineMagics.get(name);
        if (raw != null) {
            List<String> args = MagicArgs.split(rawArgs);
            if (MagicArgs.wantsHelp(args) && args.size() == 1) {
                printHelp(docs.get(name));
                return null;
            }
            return raw.execute(rawArgs == null ? "" : rawArgs.trim());
        }
        try {
            return registry.applyLineMagic(name, MagicArgs.split(rawArgs));
        } catch (UndefinedMagicException e) {
            throw unknown(name, true);
        }
    }

    /**
     * Runs a cell magic.
     *
     * @param name    the magic's name without {@code %%}
     * @param rawArgs the text after the name on the first line
     * @param body    the rest of the cell
     * @return the magic's result, or {@code null}
     * @throws Exception an {@link UnknownMagicException} for an unknown magic, a {@link MagicException} for bad use, or whatever the magic throws
     */
    public Object applyCell(String name, String rawArgs, String body) throws Exception {
        RawCellMagic raw = rawCellMagics.get(name);
        if (raw != null) {
            List<String> args = MagicArgs.split(rawArgs);
            if (MagicArgs.wantsHelp(args) && args.size() == 1) {
                printHelp(docs.get(name));
                return null;
            }
            return raw.execute(rawArgs == null ? "" : rawArgs.trim(), body);
        }
        try {
            return registry.applyCellMagic(name, MagicArgs.split(rawArgs), body);
        } catch (UndefinedMagicException e) {
            throw unknown(name, false);
        }
    }

    /**
     * The documentation of every registered magic, sorted by name.
     *
     * @return the docs
     */
    public List<MagicDoc> docs() {
        return new ArrayList<>(new TreeMap<>(docs).values());
    }

    /**
     * The documentation of one magic.
     *
     * @param name the magic's name without {@code %}
     * @return its doc, if registered
     */
    public Optional<MagicDoc> doc(String name) {
        return Optional.ofNullable(docs.get(name));
    }

    private LineMagicFunction<Object> helpAwareLine(MagicDoc doc, LineMagicFunction<?> function) {
        return args -> {
            if (MagicArgs.wantsHelp(args)) {
                printHelp(doc);
                return null;
            }
            return function.execute(args);
        };
    }

    private void printHelp(MagicDoc doc) {
        PrintStream stream = out.get();
        stream.println(doc.forms() + " - " + doc.summary());
        stream.println();
        stream.println(doc.usage().strip());
        stream.flush();
    }

    private UnknownMagicException unknown(String name, boolean line) {
        String typed = (line ? "%" : "%%") + name;
        MagicDoc other = docs.get(name);
        String hint = "";
        if (other != null && line && other.cell()) {
            hint = " (%%" + name + " is a cell magic: put it on the first line of the cell)";
        } else if (other != null && !line && other.line()) {
            hint = " (%" + name + " is a line magic: use a single %)";
        }
        return new UnknownMagicException("Unknown " + (line ? "line" : "cell") + " magic " + typed + hint
                + ". Type %lsmagic to list the available magics.");
    }

    private static void require(boolean ok, MagicDoc doc, String what) {
        if (!ok) {
            throw new IllegalArgumentException("magic " + doc.name() + " is not documented as " + what);
        }
    }
}

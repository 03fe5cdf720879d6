package dev.jmp.magics.core;

import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** {@code %lsmagic}: lists every magic with one line of help. */
public final class LsMagics {

    /** The documentation of {@code %lsmagic}. */
    public static final MagicDoc DOC = new MagicDoc("lsmagic", true, false,
            "List the available magics, one line of help each.",
            "Usage: %lsmagic\n\nEvery magic also answers --help with its full usage, for example: %maven --help");

    private final Supplier<List<MagicDoc>> docs;
    private final Supplier<PrintStream> out;

    /**
     * Creates the magic.
     *
     * @param docs the documentation of the registered magics
     * @param out  where the listing goes
     */
    public LsMagics(Supplier<List<MagicDoc>> docs, Supplier<PrintStream> out) {
        this.docs = docs;
        this.out = out;
    }

    /**
     * Registers {@code %lsmagic} in a catalog.
     *
     * @param catalog the catalog listed and registered into
     * @param out     where the listing goes
     */
    public static void register(MagicCatalog catalog, Supplier<PrintStream> out) {
        LsMagics magics = new LsMagics(catalog::docs, out);
        catalog.registerLine(DOC, args -> {
            magics.list();
            return null;
        });
    }

    /** Prints the listing. */
    public void list() {
        List<MagicDoc> all = docs.get();
        int width = all.stream().mapToInt(d -> d.forms().length()).max().orElse(0);
        PrintStream stream = out.get();
        stream.println("Available magics (add --help to any of them for its usage):");
        for (MagicDoc doc : all) {
            stream.println("  " + pad(doc.forms(), width) + "  " + doc.summary());
        }
        stream.flush();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}

package dev.jmp.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import dev.jmp.magics.MagicException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %load FILE}, as IJava's: runs a JShell script ({@code .jsh}, {@code .jshell},
 * {@code .java}) as one cell, or a notebook's ({@code .ipynb}) code cells in order, in the
 * current cell. The last one's value is the result.
 */
final class LoadMagic {

    static final MagicDoc DOC = new MagicDoc("load", true, false,
            "Run a .jsh script, or the code cells of a .ipynb notebook, in this cell.",
            """
            Usage: %load FILE

            FILE (relative paths start at the kernel's working directory) is
              a JShell script (.jsh, .jshell, .java): its code runs as one cell would, or
              a notebook (.ipynb): its code cells run in order, each as a cell would (magics too).
            The definitions stay in the notebook; the last value shows as the cell's result.
            A cell that fails stops the load and fails this cell.

            Examples:
              %load setup.jsh
              %load ../common/helpers.ipynb""");

    private LoadMagic() {
    }

    static void register(MagicCatalog catalog, Path base, TimeMagics.CodeRunner runner) {
        catalog.registerRawLine(DOC, args -> {
            String name = args.strip();
            if (name.length() > 1 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("'") && name.endsWith("'"))) {
                name = name.substring(1, name.length() - 1);
            }
            if (name.isEmpty()) {
                throw new MagicException("%load needs a file: a .jsh script or a .ipynb notebook, for example: %load setup.jsh");
            }
            Path file = base.resolve(name).normalize();
            if (!Files.isRegularFile(file)) {
                throw new MagicException("%load: no file " + file + " (relative paths start at " + base + ")");
            }
            Object value = null;
            for (String code : cells(file)) {
                value = runner.run(code);
            }
            return value;
        });
    }

    private static List<String> cells(Path file) throws MagicException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new MagicException("%load: cannot read " + file + " (" + e.getMessage() + ")");
        }
        if (!file.getFileName().toString().endsWith(".ipynb")) {
            return List.of(text);
        }
        try {
            JsonObject notebook = JsonParser.parseString(text).getAsJsonObject();
            List<String> code = new ArrayList<>();
            for (JsonElement cell : notebook.getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                if ("code".equals(c.get("cell_type").getAsString())) {
                    code.add(source(c.get("source")));
                }
            }
            return code.stream().filter(s -> !s.isBlank()).toList();
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new MagicException("%load: " + file + " is not a Jupyter notebook (nbformat 4 JSON with a \"cells\" list)");
        }
    }

    /** nbformat stores a cell's source as one string or as a list of lines. */
    private static String source(JsonElement source) {
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonElement line : (JsonArray) source) {
                text.append(line.getAsString());
            }
            return text.toString();
        }
        return source.getAsString();
    }
}

package dev.jmp.magics;

import io.github.spencerpark.jupyter.kernel.magic.MagicParser;

import java.util.List;

/**
 * Splits a magic's argument text into words the way basekernel's parser does (whitespace
 * separates, single or double quotes group, a backslash escapes), so magics invoked through
 * the catalog and through basekernel's registry see the same arguments.
 */
public final class MagicArgs extends MagicParser {

    private MagicArgs() {
    }

    /**
     * Splits argument text into words.
     *
     * @param rawArgs the text after the magic's name
     * @return the words, without their quotes
     */
    public static List<String> split(String rawArgs) {
        return MagicParser.split(rawArgs == null ? "" : rawArgs.trim());
    }

    /**
     * Tells whether the arguments ask for help.
     *
     * @param args the split arguments
     * @return true when one of them is {@code --help} or {@code -h}
     */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }
}

package dev.jmp.magics.cluster;

import dev.jmp.magics.MagicException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of {@code %cluster start NAME --launcher L --KEY VALUE ...}: the group's name, its
 * launcher and the launcher's options. Options other than {@code --launcher} go to the launcher
 * unchanged ({@code --known-hosts F} is {@code known-hosts=F}), which checks them, so a launcher
 * with options of its own needs no change here.
 *
 * @param name     the group's name
 * @param launcher the launcher's short name, or null to take the group from the shared definitions file
 * @param options  the launcher's options
 */
record ClusterArgs(String name, String launcher, Map<String, String> options) {

    /**
     * Parses the words after {@code start}.
     *
     * @throws MagicException for a missing name, a value-less option or a repeated one
     */
    static ClusterArgs parse(List<String> words) throws MagicException {
        return parse("start", words);
    }

    /**
     * Parses the words after a subcommand that names a group and takes its options ({@code start},
     * {@code resize}).
     *
     * @throws MagicException for a missing name, a value-less option or a repeated one
     */
    static ClusterArgs parse(String sub, List<String> words) throws MagicException {
        if (words.isEmpty() || words.get(0).startsWith("-")) {
            String example = sub.equals("start") ? "NAME --launcher ssh --hosts node1,node2:4" : "NAME --hosts node1,node2:4";
            throw new MagicException("%cluster " + sub + " needs a NAME first: %cluster " + sub + " " + example);
        }
        String name = words.get(0);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-") || w.equals("-") || w.equals("--")) {
                throw new MagicException("unexpected '" + w + "' in %cluster " + sub + ": options are --NAME VALUE (or --NAME=VALUE)");
            }
            String key = w.replaceFirst("^--?", "");
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                value = words.get(++i);
            } else {
                throw new MagicException("option --" + key + " of %cluster " + sub + " needs a value");
            }
            if (options.put(key, value) != null) {
                throw new MagicException("option --" + key + " of %cluster " + sub + " is given twice");
            }
        }
        return new ClusterArgs(name, options.remove("launcher"), options);
    }
}

package dev.jmp.kernel.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The inputs (and text outputs) of this kernel session's cells, for history requests. */
final class HistoryLog {

    /** This kernel's session number in history replies. */
    static final int SESSION = 1;

    private record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    synchronized List<List<Object>> tail(int n, boolean output) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return format(entries.subList(from, entries.size()), output);
    }

    synchronized List<List<Object>> range(int session, int start, int stop, boolean output) {
        if (session > 0 && session != SESSION) {
            return List.of();
        }
        List<Entry> selected = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line() >= start && (stop <= 0 || e.line() < stop)) {
                selected.add(e);
            }
        }
        return format(selected, output);
    }

    synchronized List<List<Object>> search(String glob, int n, boolean unique, boolean output) {
        Pattern pattern = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> matches = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (pattern.matcher(e.input()).matches() && (!unique || seen.add(e.input()))) {
                matches.add(0, e);
            }
        }
        if (n > 0 && matches.size() > n) {
            matches = matches.subList(matches.size() - n, matches.size());
        }
        return format(matches, output);
    }

    private static List<List<Object>> format(List<Entry> selected, boolean output) {
        List<List<Object>> result = new ArrayList<>();
        for (Entry e : selected) {
            Object body = output ? Arrays.asList(e.input(), e.output()) : e.input();
            result.add(Arrays.asList(SESSION, e.line(), body));
        }
        return result;
    }

    /** Jupyter history patterns are globs: {@code *} any text, {@code ?} one character. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}

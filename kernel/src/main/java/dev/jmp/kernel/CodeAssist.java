package dev.jmp.kernel;

import dev.jmp.kernel.jshell.JShellEvaluator;
import dev.jmp.magics.MagicCatalog;
import dev.jmp.magics.MagicDoc;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Completion (Tab), inspection (Shift-Tab) and completeness checks, through JShell's source analysis. */
final class CodeAssist {

    private static final String COMPLETE = "complete";
    private static final String INVALID = "invalid";

    private final Supplier<JShellEvaluator> evaluator;
    private final MagicCatalog magics;

    CodeAssist(Supplier<JShellEvaluator> evaluator, MagicCatalog magics) {
        this.evaluator = evaluator;
        this.magics = magics;
    }

    ReplacementOptions complete(String code, int at) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at > 0 && lineStart < code.length() && code.charAt(lineStart) == '%' && code.substring(lineStart, at).matches("%%?[\\w.-]*")) {
            int nameStart = lineStart + (code.startsWith("%%", lineStart) ? 2 : 1);
            String prefix = code.substring(nameStart, at);
            List<String> names = magics.docs().stream().map(MagicDoc::name).filter(n -> n.startsWith(prefix)).toList();
            return new ReplacementOptions(names, nameStart, at);
        }
        String java = CellSplitter.javaOnly(code);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                evaluator.get().analysis().completionSuggestions(java, at, anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new ReplacementOptions(new ArrayList<>(matches), anchor[0], at);
    }

    DisplayData inspect(String code, int at, boolean detail) {
        JShellEvaluator jshell = evaluator.get();
        String java = CellSplitter.javaOnly(code);
        int end = identifierEnd(java, at);
        List<SourceCodeAnalysis.Documentation> docs = jshell.analysis().documentation(java, end, true);
        if (docs.isEmpty() && (end == 0 || java.charAt(end - 1) != '(')) {
            String call = java.substring(0, end) + "(";
            docs = jshell.analysis().documentation(call, call.length(), true);
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            text.append(doc.signature()).append('\n');
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text.append(doc.javadoc().strip()).append("\n\n");
            }
        }
        String word = identifierBefore(java, end);
        if (text.length() == 0 && !word.isEmpty()) {
            JShell shell = jshell.jshell();
            shell.variables().filter(v -> v.name().equals(word) && shell.status(v).isActive()).findFirst()
                    .ifPresent(v -> text.append(describe(shell, v)));
        }
        return text.length() == 0 ? null : new DisplayData(text.toString().strip());
    }

    private static String describe(JShell shell, VarSnippet variable) {
        String value;
        try {
            value = shell.varValue(variable);
        } catch (IllegalStateException | IllegalArgumentException e) {
            value = "(no value)";
        }
        return variable.typeName() + " " + variable.name() + " = " + value;
    }

    String isComplete(String code) {
        CellSplitter.CellMagic cellMagic = CellSplitter.cellMagic(code);
        if (cellMagic != null) {
            return cellMagicCompleteness(cellMagic, code);
        }
        String remaining = MagicExpressions.rewrite(CellSplitter.javaOnly(code));
        SourceCodeAnalysis analysis = evaluator.get().analysis();
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                return COMPLETE;
            }
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return "    ".repeat(Math.max(1, depth(remaining)));
            }
            if (c == Completeness.UNKNOWN) {
                return INVALID;
            }
            if (info.remaining().isBlank()) {
                return COMPLETE;
            }
            remaining = info.remaining();
        }
    }

    /**
     * A cell magic's header alone is incomplete (it would only fail: every cell magic needs a
     * body), unless it asks for help; with a body the cell is complete, whatever its last line.
     */
    private static String cellMagicCompleteness(CellSplitter.CellMagic cellMagic, String code) {
        if (cellMagic.args().matches("(.*\\s)?(--help|-h)(\\s.*)?")) {
            return COMPLETE;
        }
        return cellMagic.body().isBlank() ? "" : COMPLETE;
    }

    private static int depth(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ')') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    private static int identifierEnd(String code, int at) {
        int end = Math.min(at, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String identifierBefore(String code, int end) {
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        return code.substring(start, end);
    }
}

package dev.jmp.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark harness behind {@code bench/run}: runs the selected figures of every
 * {@link BenchSuite}, each followed by its Python peer, and prints one JSON object per line:
 * {@code {"name", "value", "unit", "peer", "peer_value", "ratio"}}, where a ratio above 1 means
 * jmp is better. Progress and errors go to stderr. Arguments select figures by full name or
 * name prefix ({@code shared}, {@code shared.counter_incr_per_s}); none selects all but the
 * figures that run only when named (the {@code remote.*} ones need root); {@code --list} prints
 * the names, and for those figures why.
 */
public final class BenchMain {

    private static final long PEER_TIMEOUT_MINUTES = 10;
    private static final Gson JSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private BenchMain() {
    }

    /**
     * Runs the selected figures.
     *
     * @param args figure names or prefixes, or {@code --list}
     */
    public static void main(String[] args) {
        List<Figure> all = new ArrayList<>();
        for (BenchSuite suite : ServiceLoader.load(BenchSuite.class)) {
            all.addAll(suite.figures());
        }
        if (args.length == 1 && args[0].equals("--list")) {
            all.forEach(f -> System.out.println(f.onlyWhenNamed() == null ? f.name()
                    : f.name() + "\t(only when named: " + f.onlyWhenNamed() + ")"));
            return;
        }
        List<Figure> selected = new ArrayList<>();
        for (Figure figure : all) {
            if (args.length == 0 ? figure.onlyWhenNamed() == null : matches(figure.name(), args)) {
                selected.add(figure);
            }
        }
        for (String arg : args) {
            if (all.stream().noneMatch(f -> matches(f.name(), new String[] {arg}))) {
                System.err.println("bench: no figure named or starting with '" + arg + "'; known figures:");
                all.forEach(f -> System.err.println("  " + f.name()));
                System.exit(2);
            }
        }
        boolean failed = false;
        for (Figure figure : selected) {
            double value = measure(figure);
            double peer = figure.peerScript() == null ? Double.NaN : peer(figure);
            failed |= Double.isNaN(value) || (figure.peerScript() != null && Double.isNaN(peer));
            System.out.println(json(figure, value, peer));
            System.out.flush();
        }
        System.exit(failed ? 1 : 0);
    }

    private static boolean matches(String name, String[] selectors) {
        for (String selector : selectors) {
            if (name.startsWith(selector)) {
                return true;
            }
        }
        return false;
    }

    private static double measure(Figure figure) {
        System.err.println("bench: measuring " + figure.name() + " ...");
        try {
            return figure.measurement().measure();
        } catch (Exception | Error e) {
            System.err.println("bench: " + figure.name() + " failed: " + e);
            if (!(e instanceof IllegalStateException)) {
                // IllegalStateException is the harness's own (a wrong result, a missing requirement): its message is all.
                e.printStackTrace();
            }
            return Double.NaN;
        }
    }

    /** Runs {@code bench/py/<script> <case>} and reads its figure from the last stdout line. */
    private static double peer(Figure figure) {
        Path script = benchDir().resolve("py").resolve(figure.peerScript());
        String python = System.getenv().getOrDefault("JMP_BENCH_PYTHON", "/usr/bin/python3");
        System.err.println("bench: measuring the Python peer " + script.getFileName() + " " + figure.peerCase() + " ...");
        Process process = null;
        try {
            if (!Files.isRegularFile(script)) {
                throw new IOException("no peer script " + script);
            }
            process = new ProcessBuilder(figure.peerCommand(List.of(python, script.toString(), figure.peerCase())))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String last = null;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        last = line.trim();
                    }
                }
            }
            if (!process.waitFor(PEER_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("peer did not finish within " + PEER_TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0 || last == null) {
                throw new IOException("peer exited with " + process.exitValue() + ", last line " + last);
            }
            return Double.parseDouble(last);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: a wrapper that cannot set up (the remote figures without root) says why.
            System.err.println("bench: peer of " + figure.name() + " failed: " + e.getMessage());
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    static Path benchDir() {
        return Path.of(System.getProperty("jmp.bench.dir", "bench")).toAbsolutePath();
    }

    /** One figure as a JSON line; nulls stay (a figure without a peer has {@code "peer": null}). */
    static String json(Figure figure, double value, double peer) {
        JsonObject line = new JsonObject();
        line.addProperty("name", figure.name());
        line.add("value", number(value));
        line.addProperty("unit", figure.unit());
        line.add("peer", figure.peerScript() == null ? JsonNull.INSTANCE
                : new JsonPrimitive(figure.peerLabel() + " (" + figure.peerScript() + " " + figure.peerCase() + ")"));
        line.add("peer_value", number(peer));
        line.add("ratio", number(figure.ratio(value, peer)));
        return JSON.toJson(line);
    }

    /** Four significant digits are all a benchmark figure carries; NaN and infinities are null. */
    private static JsonElement number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return JsonNull.INSTANCE;
        }
        // Through the plain string, so large figures print as 1235000, not 1.235E+6.
        return new JsonPrimitive(new BigDecimal(new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString()));
    }
}

package dev.jmp.magics.timeline;

import dev.jmp.magics.render.Markup;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Timeline} as a standalone SVG document: a title, one row per worker with its
 * label, one bar per item or process (green ok, red failed, grey running) with a {@code <title>}
 * tooltip, and a time axis with ticks in seconds. Every text is escaped for XML.
 */
public final class TimelineSvg {

    /** The default width in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** Bars beyond this many are not drawn (the text summary says so). */
    public static final int MAX_BARS = 10_000;

    private static final int ROW = 22;
    private static final int BAR = 14;
    private static final int TOP = 34;
    private static final int AXIS = 36;
    private static final int RIGHT = 16;
    private static final int CHAR = 7;

    private TimelineSvg() {
    }

    /**
     * Renders a timeline.
     *
     * @param t     the timeline
     * @param width the image's width in pixels (at least 200)
     * @return the SVG document
     */
    public static String render(Timeline t, int width) {
        if (width < 200) {
            throw new IllegalArgumentException("width must be at least 200 pixels, got " + width);
        }
        int labelChars = t.rows().stream().mapToInt(r -> r.label().length()).max().orElse(4);
        int left = Math.max(60, Math.min(width / 3, labelChars * CHAR + 12));
        int plot = width - left - RIGHT;
        int height = TOP + Math.max(1, t.rows().size()) * ROW + AXIS;
        long span = Math.max(1, t.micros());
        StringBuilder s = new StringBuilder(256 + Math.min(t.drawable(), MAX_BARS) * 160);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<title>").append(Markup.escape(summaryLine(t))).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"").append(left).append("\" y=\"18\" font-weight=\"bold\">")
                .append(Markup.escape(summaryLine(t))).append("</text>\n");
        axis(s, left, plot, TOP + Math.max(1, t.rows().size()) * ROW, span);
        int drawn = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            Timeline.Row row = t.rows().get(r);
            int y = TOP + r * ROW;
            s.append("<g class=\"row\">\n");
            s.append("<text class=\"label\" x=\"").append(left - 6).append("\" y=\"").append(y + ROW / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(Markup.escape(fit(row.label(), (left - 12) / CHAR)))
                    .append("</text>\n");
            for (Timeline.Bar b : row.bars()) {
                if (drawn++ >= MAX_BARS) {
                    break;
                }
                double x = left + plot * (double) b.startMicros() / span;
                double w = Math.max(1.0, plot * (double) (b.endMicros() - b.startMicros()) / span);
                String state = b.state().name().toLowerCase(Locale.ROOT);
                s.append("<rect class=\"bar ").append(state).append("\" x=\"").append(num(x)).append("\" y=\"")
                        .append(y + (ROW - BAR) / 2).append("\" width=\"").append(num(w)).append("\" height=\"")
                        .append(BAR).append("\" fill=\"").append(colour(b.state()))
                        .append("\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>").append(Markup.escape(b.tooltip()))
                        .append("</title></rect>\n");
            }
            s.append("</g>\n");
        }
        if (t.rows().isEmpty()) {
            s.append("<text x=\"").append(left).append("\" y=\"").append(TOP + ROW / 2 + 4)
                    .append("\" fill=\"#666666\">no item ran on a worker</text>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /**
     * The one-line description used as the chart's title.
     *
     * @param t the timeline
     * @return for example {@code pool-2 (%%pool): 10 items on 2 workers, 1.204 s, 1 failed}
     */
    public static String summaryLine(Timeline t) {
        boolean pool = t.kind().equals("%%pool");
        long bars = t.bars();
        String what = bars + (pool ? " item" : " process") + (bars == 1 ? "" : pool ? "s" : "es");
        long failed = t.count(Timeline.State.FAILED);
        long running = t.count(Timeline.State.RUNNING);
        return t.run() + " (" + t.kind() + "): " + what + " on " + t.rows().size() + " worker"
                + (t.rows().size() == 1 ? "" : "s") + ", " + Timeline.seconds(t.micros())
                + (failed > 0 ? ", " + failed + " failed" : "") + (running > 0 ? ", " + running + " running" : "")
                + (t.running() ? " (still running)" : "");
    }

    private static void axis(StringBuilder s, int left, int plot, int y, long span) {
        s.append("<g class=\"axis\" stroke=\"#888888\">\n");
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"").append(left + plot)
                .append("\" y2=\"").append(y).append("\"/>\n");
        double step = tickStep(span / 1e6);
        int n = (int) Math.floor(span / 1e6 / step + 1e-9);
        for (int i = 0; i <= n; i++) {
            double sec = i * step;
            double x = left + plot * sec * 1e6 / span;
            s.append("<line class=\"tick\" x1=\"").append(num(x)).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(num(x)).append("\" y2=\"").append(y + 5).append("\"/>\n");
            s.append("<text class=\"tick-label\" x=\"").append(num(x)).append("\" y=\"").append(y + 18)
                    .append("\" text-anchor=\"middle\" stroke=\"none\" fill=\"#444444\">").append(tickLabel(sec, step))
                    .append("</text>\n");
        }
        s.append("</g>\n");
    }

    /**
     * A round tick step (1, 2 or 5 times a power of ten) giving at most about 10 ticks.
     *
     * @param seconds the span
     * @return the step in seconds
     */
    static double tickStep(double seconds) {
        double raw = Math.max(seconds, 1e-6) / 10;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    static String tickLabel(double sec, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f s", sec);
    }

    private static String colour(Timeline.State state) {
        return switch (state) {
            case OK -> "#2e8b57";
            case FAILED -> "#d62728";
            case RUNNING -> "#9e9e9e";
        };
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fit(String text, int chars) {
        int max = Math.max(4, chars);
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * The rows' labels, for tests and the text summary.
     *
     * @param t the timeline
     * @return the labels in order
     */
    static List<String> labels(Timeline t) {
        return t.rows().stream().map(Timeline.Row::label).toList();
    }
}

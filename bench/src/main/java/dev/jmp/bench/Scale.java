package dev.jmp.bench;

/**
 * Scales operation counts by {@code JMP_BENCH_SCALE} (default 1), so a quick check of the
 * harness can run with, say, {@code JMP_BENCH_SCALE=0.01}. Python peers read the same variable.
 */
final class Scale {

    private Scale() {
    }

    static int ops(int base) {
        String scale = System.getenv("JMP_BENCH_SCALE");
        double factor = scale == null || scale.isBlank() ? 1.0 : Double.parseDouble(scale);
        return (int) Math.max(1000, Math.round(base * factor));
    }
}

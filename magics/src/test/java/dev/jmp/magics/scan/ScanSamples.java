package dev.jmp.magics.scan;

/** Java sources compiled by the tests: every construct whose bytecode the walker must step over. */
final class ScanSamples {

    private ScanSamples() {
    }

    static final String SAMPLE = """
            package t;

            import java.util.List;
            import java.util.function.IntSupplier;
            import java.util.function.IntUnaryOperator;

            public class Sample {
                static final int LIMIT = 10;
                static final long BIG_CONSTANT = 1234567890123L;
                static final double HALF_FIVE = 2.5;
                static final List<String> NOT_CONSTANT = List.of("a");
                static int counter;
                static long big = 9876543210987L;
                static double ratio;

                enum Color { RED, GREEN, BLUE }

                record Point(int x, int y) { }

                interface Shape {
                    double area();
                    default double twice() { return 2 * area(); }
                }

                static final class Square implements Shape {
                    public double area() { return 4.0; }
                }

                final class Inner {
                    final int v;
                    Inner(int v) { this.v = v; }
                    int value() { return v + counter; }
                }

                static int helper(int i) { return i + 1; }

                int uses(List<String> list, Object o) {
                    ratio = 0.75 * big;
                    Point[] points = new Point[3];
                    String[][] grid = new String[2][3];
                    Point p = (Point) o;
                    return helper(counter) + list.size() + new Inner(3).value() + points.length
                            + grid.length + p.x() + (int) (big % 7) + (int) (3.141592653589793 * HALF_FIVE);
                }

                int lambdas() {
                    int local = counter;
                    IntSupplier s = () -> local + counter;
                    IntUnaryOperator f = Sample::helper;
                    Runnable r = () -> System.out.println("x" + local + s.getAsInt());
                    r.run();
                    return f.applyAsInt(s.getAsInt());
                }

                static int switches(int k, String s) {
                    int r = switch (k) { case 1 -> 10; case 2 -> 20; case 3 -> 30; case 4 -> 40; default -> 0; };
                    switch (k) { case 1: r++; break; case 1000: r--; break; case 100000: r += 2; break; default: }
                    switch (s) { case "alpha" -> r += 1; case "beta" -> r += 2; case "gamma" -> r += 3; default -> { } }
                    Color c = Color.values()[k % 3];
                    switch (c) { case RED -> r += 7; case GREEN -> r += 8; default -> r += 9; }
                    return r + helper(counter);
                }

                static int wide() {
                    int a0 = 0, a1 = 1, a2 = 2, a3 = 3, a4 = 4, a5 = 5, a6 = 6, a7 = 7, a8 = 8, a9 = 9;
                    long l0 = 0, l1 = 1, l2 = 2, l3 = 3, l4 = 4, l5 = 5, l6 = 6, l7 = 7, l8 = 8, l9 = 9;
                    long m0 = 0, m1 = 1, m2 = 2, m3 = 3, m4 = 4, m5 = 5, m6 = 6, m7 = 7, m8 = 8, m9 = 9;
                    long n0 = 0, n1 = 1, n2 = 2, n3 = 3, n4 = 4, n5 = 5, n6 = 6, n7 = 7, n8 = 8, n9 = 9;
                    double d0 = 0, d1 = 1, d2 = 2, d3 = 3, d4 = 4, d5 = 5, d6 = 6, d7 = 7, d8 = 8, d9 = 9;
                    double e0 = 0, e1 = 1, e2 = 2, e3 = 3, e4 = 4, e5 = 5, e6 = 6, e7 = 7, e8 = 8, e9 = 9;
                    double f0 = 0, f1 = 1, f2 = 2, f3 = 3, f4 = 4, f5 = 5, f6 = 6, f7 = 7, f8 = 8, f9 = 9;
                    long g0 = 0, g1 = 1, g2 = 2, g3 = 3, g4 = 4, g5 = 5, g6 = 6, g7 = 7, g8 = 8, g9 = 9;
                    long h0 = 0, h1 = 1, h2 = 2, h3 = 3, h4 = 4, h5 = 5, h6 = 6, h7 = 7, h8 = 8, h9 = 9;
                    long i0 = 0, i1 = 1, i2 = 2, i3 = 3, i4 = 4, i5 = 5, i6 = 6, i7 = 7, i8 = 8, i9 = 9;
                    long j0 = 0, j1 = 1, j2 = 2, j3 = 3, j4 = 4, j5 = 5, j6 = 6, j7 = 7, j8 = 8, j9 = 9;
                    long k0 = 0, k1 = 1, k2 = 2, k3 = 3, k4 = 4, k5 = 5, k6 = 6, k7 = 7, k8 = 8, k9 = 9;
                    long o0 = 0, o1 = 1, o2 = 2, o3 = 3, o4 = 4, o5 = 5, o6 = 6, o7 = 7, o8 = 8, o9 = 9;
                    long q0 = 0, q1 = 1, q2 = 2, q3 = 3, q4 = 4, q5 = 5, q6 = 6, q7 = 7, q8 = 8, q9 = 9;
                    int last = 300;
                    last += 1000;
                    last++;
                    long sum = l0 + l9 + m0 + m9 + n0 + n9 + g9 + h9 + i9 + j9 + k9 + o9 + q9 + (long) (d9 + e9 + f9);
                    return last + a0 + a9 + (int) sum + helper(counter);
                }
            }
            """;
}

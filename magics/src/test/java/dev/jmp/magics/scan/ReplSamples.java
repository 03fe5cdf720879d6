package dev.jmp.magics.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classes shaped like JShell's wrappers (package {@code REPL}, variables as public static
 * fields, methods as static methods, each cell's {@code do_it$} running its statements),
 * compiled by the tests.
 */
final class ReplSamples {

    private ReplSamples() {
    }

    static Map<String, String> sources() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("REPL.$JShell$11", """
                package REPL;
                public class $JShell$11 {
                    public static int x;
                    public static Object do_it$() { return x = 21; }
                }""");
        s.put("REPL.$JShell$12", """
                package REPL;
                public class $JShell$12 {
                    public static String greeting;
                    public static Object do_it$() { return greeting = "hello"; }
                }""");
        s.put("REPL.$JShell$13", """
                package REPL;
                public class $JShell$13 {
                    public static java.net.Socket conn;
                    public static Object lock;
                    public static java.util.List<Object> holder;
                    public static Object do_it$() {
                        conn = new java.net.Socket(); lock = new Object();
                        holder = new java.util.ArrayList<>(java.util.List.of("a", conn));
                        return conn;
                    }
                }""");
        s.put("REPL.$JShell$14", """
                package REPL;
                import static REPL.$JShell$11.x;
                import static REPL.$JShell$13.conn;
                public class $JShell$14 {
                    public static int twice() { return 2 * x; }
                    public static String unrelated() { return "uses " + conn; }
                    static int even(int n) { return n == 0 ? x : odd(n - 1); }
                    static int odd(int n) { return n == 0 ? 0 : even(n - 1); }
                    public static Object do_it$() { return null; }
                }""");
        s.put("REPL.$JShell$15", """
                package REPL;
                import static REPL.$JShell$12.greeting;
                import static REPL.$JShell$14.*;
                import java.io.Serializable;
                import java.util.concurrent.Callable;
                public class $JShell$15 {
                    public static Callable<String> c;
                    public static Callable<Integer> recursive;
                    public static Callable<Integer> plain;
                    public static Object do_it$() {
                        c = (Callable<String> & Serializable) () -> greeting + " " + twice();
                        recursive = (Callable<Integer> & Serializable) () -> even(4);
                        plain = () -> 1;
                        return c;
                    }
                }""");
        s.put("REPL.$JShell$16", """
                package REPL;
                public class $JShell$16 {
                    public interface Shape { double area(); }
                    public record Circle(double r) implements Shape, java.io.Serializable {
                        static final double PI = 3.0;
                        static final java.util.Comparator<Circle> BY_R = java.util.Comparator.comparingDouble(Circle::r);
                        public double area() { return PI * r * r * REPL.$JShell$11.x; }
                    }
                    public static Shape shape;
                    public static Shape other;
                    public static Object do_it$() { shape = new Circle(1.0); other = shape; return shape; }
                }""");
        s.put("REPL.$JShell$17", """
                package REPL;
                import static REPL.$JShell$16.*;
                import java.io.Serializable;
                import java.util.function.Supplier;
                public class $JShell$17 {
                    public static Supplier<Double> area;
                    public static Supplier<Boolean> same;
                    public static Supplier<Integer> byR;
                    public static Object do_it$() {
                        area = (Supplier<Double> & Serializable) () -> shape.area();
                        same = (Supplier<Boolean> & Serializable) () -> shape == other;
                        byR = (Supplier<Integer> & Serializable) () -> Circle.BY_R.compare(new Circle(1), new Circle(2));
                        return area;
                    }
                }""");
        return s;
    }
}

package dev.jmp.internal.manager;

import dev.jmp.internal.mapped.Cells;
import dev.jmp.internal.mapped.DoubleCells;
import dev.jmp.internal.mapped.ElementKind;
import dev.jmp.internal.mapped.IntCells;
import dev.jmp.internal.mapped.LongCells;
import java.util.Arrays;

/**
 * The elements behind an {@link ArrayObject}, each as its 64-bit pattern (an {@code int}
 * sign-extended, a {@code double} as its raw bits): on the manager's heap, or in a memory-mapped
 * array of the manager's host that processes elsewhere reach through it ({@link #of(Cells)}).
 * Single-element operations are atomic against every process using the same elements.
 */
abstract class ArrayElements {

    private final ElementKind kind;

    ArrayElements(ElementKind kind) {
        this.kind = kind;
    }

    ElementKind kind() {
        return kind;
    }

    abstract int length();

    abstract long get(int i);

    abstract void set(int i, long bits);

    abstract long getAndSet(int i, long bits);

    /** Adds {@code delta} (a pattern of the element kind) and returns the previous pattern. */
    abstract long getAndAdd(int i, long delta);

    /** Sets {@code update} if the element is {@code expected}; returns the element as it was. */
    abstract long compareAndExchange(int i, long expected, long update);

    /** Elements {@code [from, from + len)} as an {@code int[]}, {@code long[]} or {@code double[]}. */
    abstract Object read(int from, int len);

    /** Writes an array of the element kind's type ({@code int[]}, {@code long[]}, {@code double[]}) at {@code from}. */
    abstract void write(int from, Object values);

    /** Elements on the manager's heap, all zero; the object's monitor makes each operation atomic. */
    static ArrayElements onHeap(ElementKind kind, int length) {
        return new Heap(kind, length);
    }

    /** The elements of a memory-mapped array of this host, shared with the processes that map it. */
    static ArrayElements of(Cells cells) {
        return new Mapped(cells);
    }

    static long add(ElementKind kind, long a, long delta) {
        return switch (kind) {
            case INT -> (int) (a + delta);
            case LONG -> a + delta;
            case DOUBLE -> Double.doubleToRawLongBits(Double.longBitsToDouble(a) + Double.longBitsToDouble(delta));
        };
    }

    private static final class Heap extends ArrayElements {
        private final int[] ints;
        private final long[] longs;

        Heap(ElementKind kind, int length) {
            super(kind);
            this.ints = kind == ElementKind.INT ? new int[length] : null;
            this.longs = kind == ElementKind.INT ? null : new long[length];
        }

        @Override
        int length() {
            return ints != null ? ints.length : longs.length;
        }

        @Override
        long get(int i) {
            return ints != null ? ints[i] : longs[i];
        }

        @Override
        void set(int i, long bits) {
            if (ints != null) {
                ints[i] = (int) bits;
            } else {
                longs[i] = bits;
            }
        }

        @Override
        long getAndSet(int i, long bits) {
            long prev = get(i);
            set(i, bits);
            return prev;
        }

        @Override
        long getAndAdd(int i, long delta) {
            long prev = get(i);
            set(i, add(kind(), prev, delta));
            return prev;
        }

        @Override
        long compareAndExchange(int i, long expected, long update) {
            long prev = get(i);
            if (prev == expected) {
                set(i, update);
            }
            return prev;
        }

        @Override
        Object read(int from, int len) {
            return switch (kind()) {
                case INT -> Arrays.copyOfRange(ints, from, from + len);
                case LONG -> Arrays.copyOfRange(longs, from, from + len);
                case DOUBLE -> {
                    double[] d = new double[len];
                    for (int k = 0; k < len; k++) {
                        d[k] = Double.longBitsToDouble(longs[from + k]);
                    }
                    yield d;
                }
            };
        }

        @Override
        void write(int from, Object values) {
            if (values instanceof int[] v) {
                System.arraycopy(v, 0, ints, from, v.length);
            } else if (values instanceof long[] v) {
                System.arraycopy(v, 0, longs, from, v.length);
            } else {
                double[] v = (double[]) values;
                for (int k = 0; k < v.length; k++) {
                    longs[from + k] = Double.doubleToRawLongBits(v[k]);
                }
            }
        }
    }

    /** Over mapped cells, whose own operations are atomic across processes. */
    private static final class Mapped extends ArrayElements {
        private final IntCells ints;
        private final LongCells longs;
        private final DoubleCells doubles;

        Mapped(Cells cells) {
            super(cells.kind());
            this.ints = cells instanceof IntCells c ? c : null;
            this.longs = cells instanceof LongCells c ? c : null;
            this.doubles = cells instanceof DoubleCells c ? c : null;
        }

        @Override
        int length() {
            return ints != null ? ints.length() : longs != null ? longs.length() : doubles.length();
        }

        @Override
        long get(int i) {
            return ints != null ? ints.get(i) : longs != null ? longs.get(i) : Double.doubleToRawLongBits(doubles.get(i));
        }

        @Override
        void set(int i, long bits) {
            if (ints != null) {
                ints.set(i, (int) bits);
            } else if (longs != null) {
                longs.set(i, bits);
            } else {
                doubles.set(i, Double.longBitsToDouble(bits));
            }
        }

        @Override
        long getAndSet(int i, long bits) {
            if (ints != null) {
                return ints.getAndSet(i, (int) bits);
            }
            return longs != null ? longs.getAndSet(i, bits)
                    : Double.doubleToRawLongBits(doubles.getAndSet(i, Double.longBitsToDouble(bits)));
        }

        @Override
        long getAndAdd(int i, long delta) {
            if (ints != null) {
                return ints.getAndAdd(i, (int) delta);
            }
            return longs != null ? longs.getAndAdd(i, delta)
                    : Double.doubleToRawLongBits(doubles.getAndAdd(i, Double.longBitsToDouble(delta)));
        }

        @Override
        long compareAndExchange(int i, long expected, long update) {
            if (ints != null) {
                return ints.compareAndExchange(i, (int) expected, (int) update);
            }
            if (longs != null) {
                return longs.compareAndExchange(i, expected, update);
            }
            while (true) {
                long prev = Double.doubleToRawLongBits(doubles.get(i));
                if (prev != expected || doubles.compareAndSet(i, Double.longBitsToDouble(expected),
                        Double.longBitsToDouble(update))) {
                    return prev;
                }
            }
        }

        @Override
        Object read(int from, int len) {
            if (ints != null) {
                int[] v = new int[len];
                ints.read(from, v, 0, len);
                return v;
            }
            if (longs != null) {
                long[] v = new long[len];
                longs.read(from, v, 0, len);
                return v;
            }
            double[] v = new double[len];
            doubles.read(from, v, 0, len);
            return v;
        }

        @Override
        void write(int from, Object values) {
            if (values instanceof int[] v) {
                ints.write(from, v, 0, v.length);
            } else if (values instanceof long[] v) {
                longs.write(from, v, 0, v.length);
            } else {
                double[] v = (double[]) values;
                doubles.write(from, v, 0, v.length);
            }
        }
    }
}

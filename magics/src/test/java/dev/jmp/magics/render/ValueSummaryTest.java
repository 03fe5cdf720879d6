package dev.jmp.magics.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class ValueSummaryTest {

    private static final int MAX = 80;
    /** Far more elements than a summary shows, far fewer than a test must wait for. */
    private static final int HUGE = 5_000_000;

    /** A collection of HUGE integers that counts how many elements were read. */
    private static final class CountingCollection extends AbstractCollection<Integer> {
        final AtomicLong reads = new AtomicLong();

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < HUGE;
                }

                @Override
                public Integer next() {
                    reads.incrementAndGet();
                    return next++;
                }
            };
        }

        @Override
        public int size() {
            return HUGE;
        }
    }

    /** A character sequence of HUGE characters that counts how many were read. */
    private static final class CountingChars implements CharSequence {
        final AtomicLong reads = new AtomicLong();

        @Override
        public int length() {
            return HUGE;
        }

        @Override
        public char charAt(int index) {
            reads.incrementAndGet();
            return (char) ('a' + index % 26);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new StringBuilder(end - start).append(this, start, end);
        }

        @Override
        public String toString() {
            return new StringBuilder(HUGE).append(this).toString();
        }
    }

    /** An element whose text is computed on demand, counting how often. */
    private record Counted(AtomicLong renders) {
        @Override
        public String toString() {
            renders.incrementAndGet();
            return "e";
        }
    }

    @Test
    void smallValuesReadAsTheirToString() {
        assertEquals("null", ValueSummary.of(null, MAX));
        assertEquals("\"a\\nb\"", ValueSummary.quoted("a\nb", MAX));
        assertEquals("a\\r\\nb c", ValueSummary.of("a\r\nb\tc", MAX));
        assertEquals("[x, [y]]", ValueSummary.of(new Object[] {"x", new String[] {"y"}}, MAX));
        assertEquals(List.of(1, 2).toString(), ValueSummary.quoted(List.of(1, 2), MAX));
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        map.put("a", List.of(1));
        map.put("b", null);
        assertEquals(map.toString(), ValueSummary.of(map, MAX));
        assertEquals("42", ValueSummary.quoted(42, MAX));
        assertThrows(IllegalArgumentException.class, () -> ValueSummary.of("x", 1));
    }

    @Test
    void everyPrimitiveArrayKindReadsAsArraysToString() {
        assertEquals(Arrays.toString(new boolean[] {true, false}), ValueSummary.of(new boolean[] {true, false}, MAX));
        assertEquals(Arrays.toString(new byte[] {1, -2}), ValueSummary.of(new byte[] {1, -2}, MAX));
        assertEquals(Arrays.toString(new short[] {3, 4}), ValueSummary.of(new short[] {3, 4}, MAX));
        assertEquals(Arrays.toString(new char[] {'a', 'b'}), ValueSummary.of(new char[] {'a', 'b'}, MAX));
        assertEquals(Arrays.toString(new int[] {5, 6}), ValueSummary.of(new int[] {5, 6}, MAX));
        assertEquals(Arrays.toString(new long[] {7L, 8L}), ValueSummary.of(new long[] {7L, 8L}, MAX));
        assertEquals(Arrays.toString(new float[] {1.5f}), ValueSummary.of(new float[] {1.5f}, MAX));
        assertEquals(Arrays.toString(new double[] {2.5, 1e300}), ValueSummary.of(new double[] {2.5, 1e300}, MAX));
        int[][] nested = {{1, 2}, {3}};
        assertEquals(Arrays.deepToString(nested), ValueSummary.of(nested, MAX));
    }

    @Test
    void longTextIsCutToTheLimitWithAnEllipsis() {
        String cut = ValueSummary.quoted("z".repeat(500), MAX);
        assertEquals(MAX, cut.length());
        assertEquals("\"" + "z".repeat(MAX - 2) + "…", cut);
        String array = ValueSummary.of(new int[1000], 20);
        assertEquals("[0, 0, 0, 0, 0, 0, …", array);
    }

    @Test
    void aHugeCollectionIsReadOnlyAsFarAsShown() {
        CountingCollection c = new CountingCollection();
        String text = ValueSummary.of(c, MAX);
        assertTrue(text.startsWith("[0, 1, 2, 3, ") && text.endsWith("…") && text.length() == MAX, text);
        assertTrue(c.reads.get() <= MAX, "elements read: " + c.reads.get());
    }

    @Test
    void aHugeMapIsReadOnlyAsFarAsShown() {
        CountingCollection keys = new CountingCollection();
        Map<Integer, Integer> map = new AbstractMap<>() {
            @Override
            public Set<Entry<Integer, Integer>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<Integer, Integer>> iterator() {
                        Iterator<Integer> it = keys.iterator();
                        return new Iterator<>() {
                            @Override
                            public boolean hasNext() {
                                return it.hasNext();
                            }

                            @Override
                            public Entry<Integer, Integer> next() {
                                int k = it.next();
                                return Map.entry(k, -k);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return HUGE;
                    }
                };
            }
        };
        String text = ValueSummary.of(map, MAX);
        assertTrue(text.startsWith("{0=0, 1=-1, 2=-2, "), text);
        assertTrue(keys.reads.get() <= MAX, "entries read: " + keys.reads.get());
    }

    @Test
    void hugeCharacterSequencesAndStringsAreReadOnlyAsFarAsShown() {
        CountingChars chars = new CountingChars();
        assertEquals("abcdefghi…", ValueSummary.of(chars, 10));
        assertTrue(chars.reads.get() <= 11, "characters read: " + chars.reads.get());
        CountingChars quoted = new CountingChars();
        assertEquals("abcdefghi…", ValueSummary.quoted(quoted, 10), "only a String is quoted");
    }

    @Test
    void hugeObjectArraysAndNestedContainersRenderOnlyTheShownElements() {
        AtomicLong renders = new AtomicLong();
        Object[] elements = new Object[HUGE];
        Arrays.fill(elements, new Counted(renders));
        String text = ValueSummary.of(elements, MAX);
        assertTrue(text.startsWith("[e, e, e, "), text);
        assertTrue(renders.get() <= MAX, "elements rendered: " + renders.get());

        CountingCollection inner = new CountingCollection();
        List<Object> outer = new ArrayList<>(List.of(inner, inner));
        ValueSummary.of(new Object[] {outer, new long[HUGE]}, MAX);
        assertTrue(inner.reads.get() <= MAX, "elements read: " + inner.reads.get());
    }

    @Test
    void selfReferencesEndAsTheJdkWritesThem() {
        List<Object> list = new ArrayList<>();
        list.add(1);
        list.add(list);
        assertEquals(list.toString(), ValueSummary.of(list, MAX));
        Object[] array = new Object[2];
        array[0] = "x";
        array[1] = array;
        assertEquals(Arrays.deepToString(array), ValueSummary.of(array, MAX));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("me", map);
        assertEquals(map.toString(), ValueSummary.of(map, MAX));
    }

    @Test
    void aCollectionWithItsOwnToStringKeepsIt() {
        List<Integer> custom = new ArrayList<>(List.of(1, 2)) {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return "two numbers";
            }
        };
        assertEquals("two numbers", ValueSummary.of(custom, MAX));
    }

    @Test
    void aFailingToStringIsNamed() {
        class Bad {
            @Override
            public String toString() {
                throw new IllegalStateException("no text");
            }
        }
        Object bad = new Bad();
        assertEquals("Bad (toString failed: java.lang.IllegalStateException: no text)", ValueSummary.of(bad, MAX));
    }
}

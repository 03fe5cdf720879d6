package dev.jmp.magics.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@Timeout(300)
class TimelineSvgTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Timeline.Bar bar(String label, long from, long to, Timeline.State state) {
        return new Timeline.Bar(label, from, to, state, "");
    }

    @Test
    void drawsARowPerWorkerABarPerItemAndTooltipsWithIndexAndDuration() throws Exception {
        Timeline t = new Timeline("pool-1", "%%pool", 2_500_000, List.of(
                new Timeline.Row("w1 (pid 10)", List.of(bar("item 0", 0, 1_000_000, Timeline.State.OK),
                        bar("item 2", 1_000_000, 2_400_000, Timeline.State.FAILED))),
                new Timeline.Row("w2 (pid 11)", List.of(bar("item 1", 100_000, 900_000, Timeline.State.OK)))), false);
        Document d = parse(TimelineSvg.render(t, 800));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals(2, byClass(d, "g", "row").size());
        List<Element> bars = byClass(d, "rect", "bar");
        assertEquals(3, bars.size());
        assertEquals(2, byClass(d, "rect", "ok").size());
        assertEquals(1, byClass(d, "rect", "failed").size());
        List<String> tips = bars.stream().map(b -> b.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .toList();
        assertEquals(List.of("item 0: 1.000 s", "item 2: 1.400 s, failed", "item 1: 0.800 s"), tips);
        // bars sit in the plot in proportion to time: item 2 starts where item 0 ends
        double x0 = Double.parseDouble(bars.get(0).getAttribute("x"));
        double w0 = Double.parseDouble(bars.get(0).getAttribute("width"));
        double x2 = Double.parseDouble(bars.get(1).getAttribute("x"));
        assertEquals(x0 + w0, x2, 0.02);
        List<String> ticks = byClass(d, "text", "tick-label").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("0.0 s", "0.5 s", "1.0 s", "1.5 s", "2.0 s", "2.5 s"), ticks);
    }

    @Test
    void escapesEveryText() throws Exception {
        String nasty = "a<b>&\"c'\u0001</svg><script>x</script>";
        Timeline t = new Timeline(nasty, "%%spawn", 1000, List.of(new Timeline.Row(nasty,
                List.of(new Timeline.Bar(nasty, 0, 1000, Timeline.State.RUNNING, nasty)))), true);
        String svg = TimelineSvg.render(t, 400);
        Document d = parse(svg);
        assertEquals(0, d.getElementsByTagNameNS("*", "script").getLength());
        Element bar = byClass(d, "rect", "running").get(0);
        String tip = bar.getElementsByTagNameNS("*", "title").item(0).getTextContent();
        assertTrue(tip.startsWith("a<b>&\"c'</svg><script>x</script>: 0.001 s, running"), tip);
        assertTrue(TimelineSvg.summaryLine(t).contains("1 running"), TimelineSvg.summaryLine(t));
    }

    @Test
    void ticksAreRoundAndCoverTheSpan() {
        assertEquals(0.5, TimelineSvg.tickStep(2.5), 1e-12);
        assertEquals(1.0, TimelineSvg.tickStep(7.3), 1e-12);
        assertEquals(0.002, TimelineSvg.tickStep(0.013), 1e-12);
        assertEquals(20.0, TimelineSvg.tickStep(150), 1e-12);
        assertEquals("0.004 s", TimelineSvg.tickLabel(0.004, 0.002));
        assertEquals("40 s", TimelineSvg.tickLabel(40, 20));
    }

    @Test
    void anEmptyRunAndABadWidthAreHandled() throws Exception {
        Timeline t = new Timeline("pool-9", "%%pool", 0, List.of(), false);
        Document d = parse(TimelineSvg.render(t, 200));
        assertEquals(0, byClass(d, "rect", "bar").size());
        assertTrue(TimelineText.render(t).startsWith("pool-9 (%%pool): 0 items on 0 workers, 0.000 s"));
        assertThrows(IllegalArgumentException.class, () -> TimelineSvg.render(t, 199));
    }

    @Test
    void theTextFormSummarisesEachWorker() {
        Timeline t = new Timeline("pool-1", "%%pool", 2_000_000, List.of(
                new Timeline.Row("w1 (pid 10)", List.of(bar("item 0", 0, 1_000_000, Timeline.State.OK),
                        bar("item 2", 1_000_000, 2_000_000, Timeline.State.FAILED)))), false);
        assertEquals("""
                pool-1 (%%pool): 2 items on 1 worker, 2.000 s, 1 failed
                  w1 (pid 10): 2 items, busy 2.000 s from 0.000 s to 2.000 s; failed: item 2
                """, TimelineText.render(t));
    }
}

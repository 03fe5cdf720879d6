package dev.jmp.magics.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class DisplayMarkersTest {

    @Test
    void roundTripsOnOneAsciiLine() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<b>é\nline, two=3</b>");
        bundle.put("text/plain", "plain");
        String line = DisplayMarkers.encode(true, "id-1", bundle);
        assertFalse(line.contains("\n"));
        assertTrue(line.chars().allMatch(c -> c < 128), line);
        Optional<DisplayMarkers.Marker> m = DisplayMarkers.parse(line);
        assertEquals(Optional.of(new DisplayMarkers.Marker(true, "id-1", bundle)), m);
        RecordingCell cell = new RecordingCell();
        DisplayMarkers.publish(m.get(), cell);
        assertEquals(List.of("update|id-1|plain"), cell.published);
    }

    @Test
    void otherLinesAreNotMarkers() {
        for (String line : List.of("hello", DisplayMarkers.PREFIX + "x id a=b", DisplayMarkers.PREFIX + "d id",
                DisplayMarkers.PREFIX + "d id text/plain=%%%", DisplayMarkers.PREFIX + "d  a=YQ==")) {
            assertEquals(Optional.empty(), DisplayMarkers.parse(line), line);
        }
    }
}

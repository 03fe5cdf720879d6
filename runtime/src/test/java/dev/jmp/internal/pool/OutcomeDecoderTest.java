package dev.jmp.internal.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.RemoteException;
import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.serial.Values;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskStatus;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class OutcomeDecoderTest {

    private static final ClassLoader LOADER = OutcomeDecoderTest.class.getClassLoader();

    @Test
    void anOkTaskYieldsEachItemsValueOrError() {
        byte[] raw = {1, 2, 3};
        List<byte[]> frames = new ValueList.Writer()
                .add(ValueList.VALUE, Values.encode("first", "result"))
                .add(ValueList.ERROR, Errors.encode(Errors.toInfo(new IllegalStateException("second failed"))))
                .add(ValueList.BYTES, raw)
                .frames();
        OutcomeDecoder d = OutcomeDecoder.of(new TaskOutcome(7, TaskStatus.OK, 10, 0, false, null), frames);

        assertEquals(TaskStatus.OK, d.status());
        assertTrue(d.ran());
        assertFalse(d.itemThrew(0));
        assertTrue(d.itemThrew(1));
        assertFalse(d.itemThrew(2));
        assertEquals("first", d.item(0).value(LOADER));
        RemoteException e = assertThrows(RemoteException.class, () -> d.item(1).value(LOADER));
        assertEquals("java.lang.IllegalStateException", e.remoteClassName());
        assertEquals("second failed", e.remoteMessage());
        assertTrue(d.item(2).isRaw());
        assertArrayEquals(raw, d.item(2).bytes());
    }

    @Test
    void aFailedTaskGivesEveryItemTheTasksErrorAndNoRetry() {
        TaskOutcome o = new TaskOutcome(8, TaskStatus.FAILED, 0, -1, false,
                Errors.toInfo(new NoClassDefFoundError("Lost")));
        OutcomeDecoder d = OutcomeDecoder.of(o, List.of());

        assertTrue(d.ran());
        for (int i = 0; i < 3; i++) {
            assertFalse(d.itemThrew(i));
            assertFalse(d.item(i).isOk());
            assertEquals("java.lang.NoClassDefFoundError", d.item(i).remoteError().className());
        }
    }

    @Test
    void aCancelledTaskCancelsItsItemsWithoutARemoteError() {
        OutcomeDecoder d = OutcomeDecoder.of(new TaskOutcome(9, TaskStatus.CANCELLED, 0, -1, false, null), List.of());

        assertFalse(d.ran());
        assertFalse(d.itemThrew(0));
        assertNull(d.item(0).remoteError());
        assertInstanceOf(CancellationException.class, d.item(0).failure());
    }

    @Test
    void aStatusThisSideDoesNotKnowFailsTheItemsClearly() {
        OutcomeDecoder d = OutcomeDecoder.of(new TaskOutcome(10, null, 0, -1, false, null), List.of());

        IllegalStateException e = assertInstanceOf(IllegalStateException.class, d.item(0).failure());
        assertTrue(e.getMessage().contains("status this runtime does not know"), e.getMessage());
    }
}

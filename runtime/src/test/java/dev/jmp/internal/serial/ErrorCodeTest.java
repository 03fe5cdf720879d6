package dev.jmp.internal.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jmp.error.ErrorCode;
import dev.jmp.error.ManagerClosedException;
import dev.jmp.error.PipeClosedException;
import dev.jmp.error.QueueEmptyException;
import dev.jmp.error.QueueFullException;
import dev.jmp.error.RemoteException;
import dev.jmp.error.SerializationException;
import dev.jmp.error.WaitInterruptedException;
import dev.jmp.error.WaitTimeoutException;
import dev.jmp.error.WorkerDiedException;
import dev.jmp.internal.wire.message.ErrorInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error code survives the wire's error record, and names the exception it stands for. */
class ErrorCodeTest {

    /** Through the record's JSON form and back, as it crosses processes. */
    private static ErrorInfo overTheWire(Throwable t) {
        return Errors.decode(Slice.of(Errors.encode(Errors.toInfo(t))));
    }

    @Test
    void everyCodeRoundTripsThroughTheErrorRecord() {
        for (ErrorCode code : ErrorCode.values()) {
            Throwable t = code == ErrorCode.OTHER ? new ArithmeticException("boom") : new Fault(code, "boom");
            ErrorInfo info = overTheWire(t);
            assertEquals(code, info.kind(), code.name());
            RemoteException remote = Errors.toException(info);
            assertEquals(code, remote.code(), code.name());
            assertEquals("boom", remote.remoteMessage());
            assertEquals(code, overTheWire(remote).kind(), "a forwarded remote error keeps its code: " + code);
        }
    }

    @Test
    void aFaultReadsAsTheTypeItsCodeStandsFor() {
        ErrorInfo info = overTheWire(new Fault(ErrorCode.ILLEGAL_MONITOR_STATE, "not the holder"));
        assertEquals("java.lang.IllegalMonitorStateException", info.className());
        assertEquals("java.lang.IllegalMonitorStateException: not the holder", Errors.toException(info).getMessage());
    }

    @Test
    void eachCodeRebuildsItsExceptionOrSaysItCannot() {
        for (ErrorCode code : ErrorCode.values()) {
            RuntimeException e = code.exception("the message");
            if (code == ErrorCode.OTHER || code == ErrorCode.WAIT_INTERRUPTED || code == ErrorCode.WORKER_DIED) {
                assertNull(e, code.name());
            } else {
                assertSame(code.type(), e.getClass(), code.name());
                assertEquals("the message", e.getMessage(), code.name());
                if (code.type().getPackageName().equals("dev.jmp.error")) {
                    assertEquals(code, ErrorCode.of(e), "a rebuilt jmp exception carries its code again");
                }
            }
        }
    }

    @Test
    void jmpsOwnExceptionsCarryTheirCodes() {
        Map<Throwable, ErrorCode> cases = Map.of(
                new QueueFullException("full"), ErrorCode.QUEUE_FULL,
                new QueueEmptyException("empty"), ErrorCode.QUEUE_EMPTY,
                new PipeClosedException("closed"), ErrorCode.PIPE_CLOSED,
                new ManagerClosedException("gone"), ErrorCode.MANAGER_CLOSED,
                new SerializationException("task", "java.net.Socket", "cannot"), ErrorCode.SERIALIZATION,
                new WaitTimeoutException("late"), ErrorCode.WAIT_TIMEOUT,
                new WaitInterruptedException("a queue", new InterruptedException()), ErrorCode.WAIT_INTERRUPTED,
                new WorkerDiedException("w1", 42, -9, "killed by signal 9", List.of()), ErrorCode.WORKER_DIED,
                new IllegalStateException("a user's"), ErrorCode.OTHER);
        cases.forEach((t, code) -> {
            assertEquals(code, ErrorCode.of(t), t.toString());
            assertEquals(code, overTheWire(t).kind(), t.toString());
        });
    }

    @Test
    void aCodeThisSideDoesNotKnowReadsAsOther() {
        String json = new String(Errors.encode(Errors.toInfo(new Fault(ErrorCode.QUEUE_FULL, "x"))),
                StandardCharsets.UTF_8).replace("\"QUEUE_FULL\"", "\"QUEUE_ON_FIRE\"");
        ErrorInfo info = Errors.decode(Slice.of(json.getBytes(StandardCharsets.UTF_8)));
        assertNull(info.code());
        assertEquals(ErrorCode.OTHER, info.kind());
        assertEquals(ErrorCode.OTHER, Errors.toException(info).code());
    }

    @Test
    void aFaultNeedsACodeThatStandsForAType() {
        assertThrows(IllegalArgumentException.class, () -> new Fault(ErrorCode.OTHER, "what?"));
        assertInstanceOf(UnsupportedOperationException.class, ErrorCode.UNKNOWN_OPERATION.exception("op"));
    }
}

package dev.jmp.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmp.error.ErrorCode;
import dev.jmp.internal.service.ItemQueueTest.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The queue service's own decisions on top of the item queue, driven by local calls. */
@Timeout(300)
class QueueServiceTest {

    private final QueueService service = new QueueService();

    private Answer call(QueueOp op, Object args, byte[]... frames) {
        Answer a = new Answer();
        service.handle(ServiceCall.local("w1", 1, QueueService.NAME, op.wire(), args, List.of(frames), false,
                (r, e, f) -> {
                    a.answered = true;
                    a.result = r;
                    a.error = e;
                    a.frames = f;
                }));
        return a;
    }

    private long create(int maxsize, boolean joinable) {
        return ((QueueService.Number) call(QueueOp.CREATE, new QueueService.Create(maxsize, joinable)).result).value();
    }

    @Test
    void closingAPipesWriterFailsTheParkedGetAndLaterGets() {
        long id = create(0, false);
        Answer parked = call(QueueOp.GET, new QueueService.Op(id, -1));
        assertFalse(parked.answered);
        call(QueueOp.CLOSE_WRITER, new QueueService.Op(id, 0));
        assertEquals(ErrorCode.PIPE_CLOSED, parked.error.kind());
        assertEquals(ErrorCode.PIPE_CLOSED, call(QueueOp.GET, new QueueService.Op(id, -1)).error.kind());
    }

    @Test
    void aParkedPollIsWokenByAPut() {
        long id = create(0, false);
        Answer poll = call(QueueOp.POLL, new QueueService.Op(id, -1));
        assertFalse(poll.answered);
        call(QueueOp.PUT, new QueueService.Op(id, -1), "x".getBytes());
        assertEquals(1, ((QueueService.Number) poll.result).value());
        assertEquals("x", call(QueueOp.GET, new QueueService.Op(id, 0)).item());
    }

    @Test
    void joinWaitsForEveryItemHandedToAWaitingGetterToo() {
        long id = create(0, true);
        Answer get = call(QueueOp.GET, new QueueService.Op(id, -1));
        call(QueueOp.PUT, new QueueService.Op(id, -1), "x".getBytes());
        assertEquals("x", get.item());
        Answer join = call(QueueOp.JOIN, new QueueService.Op(id, -1));
        assertFalse(join.answered, "the item handed straight to the getter still counts");
        call(QueueOp.TASK_DONE, new QueueService.Op(id, 0));
        assertTrue(join.answered);
        assertEquals(ErrorCode.ILLEGAL_STATE, call(QueueOp.TASK_DONE, new QueueService.Op(id, 0)).error.kind());
    }

    @Test
    void aFullQueueRefusesAPutThatWillNotWaitAndAnUnknownOperationIsNamed() {
        long id = create(1, false);
        call(QueueOp.PUT, new QueueService.Op(id, 0), "a".getBytes());
        assertEquals(ErrorCode.QUEUE_FULL, call(QueueOp.PUT, new QueueService.Op(id, 0), "b".getBytes()).error.kind());
        Answer unknown = new Answer();
        service.handle(ServiceCall.local("w1", 1, QueueService.NAME, "frobnicate", null, List.of(), false,
                (r, e, f) -> unknown.error = e));
        assertTrue(unknown.error.message().contains("frobnicate"), unknown.error.message());
    }
}

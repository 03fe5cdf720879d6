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

    @Test
    void anIdNamesItsRuntimeAndCallsForAnotherRuntimesQueueGoUp() {
        List<ServiceCall> up = new java.util.ArrayList<>();
        QueueService child = new QueueService(5, () -> up::add);
        Answer made = new Answer();
        child.handle(ServiceCall.local("w1", 1, QueueService.NAME, QueueOp.CREATE.wire(),
                new QueueService.Create(0, false), List.of(), false, (r, e, f) -> made.result = r));
        long id = ((QueueService.Number) made.result).value();
        assertEquals(5, QueueService.tokenOf(id));
        assertEquals(1, id & QueueService.MAX_COUNT);

        long ancestors = 6L << 32 | 1;
        child.handle(ServiceCall.local("w2", 2, QueueService.NAME, QueueOp.GET.wire(),
                new QueueService.Op(ancestors, -1), List.of(), false, (r, e, f) -> { }));
        assertEquals(1, up.size(), "an ancestor's queue: the call went up");
        assertEquals(ancestors, up.get(0).args(QueueService.Op.class).id());

        Answer mine = new Answer();
        child.handle(ServiceCall.local("w2", 3, QueueService.NAME, QueueOp.GET.wire(),
                new QueueService.Op(5L << 32 | 99, -1), List.of(), false, (r, e, f) -> mine.error = e));
        assertEquals(1, up.size(), "an id of this runtime's token is never passed up");
        assertTrue(mine.error.message().contains("does not exist"), mine.error.message());
    }

    @Test
    void aForgedIdAtTheTopGetsAClearError() {
        for (long forged : new long[] {-1, 0, 12345L << 32 | 7, Long.MAX_VALUE}) {
            Answer a = call(QueueOp.PUT, new QueueService.Op(forged, 0), "x".getBytes());
            assertEquals(ErrorCode.ILLEGAL_STATE, a.error.kind());
            assertTrue(a.error.message().contains("queue " + forged + " is not hosted by this process's runtime"),
                    a.error.message());
        }
    }

    /** Gson reads numbers of untyped trees as doubles: ids must survive the wire as exact longs. */
    @Test
    void largeIdsCrossTheWireExactly() {
        long a = (long) Integer.MAX_VALUE << 32 | 1;
        long b = a + 1;
        assertEquals((double) a, (double) b, "as doubles these two ids are one");
        for (long id : new long[] {a, b}) {
            String json = dev.jmp.internal.wire.WireCodec.toTree(new QueueService.Op(id, -1)).toString();
            com.google.gson.JsonElement tree = com.google.gson.JsonParser.parseString(json);
            assertEquals(id, dev.jmp.internal.wire.WireCodec.fromTree(tree, QueueService.Op.class).id(), json);
            assertEquals(id, dev.jmp.internal.wire.WireCodec.fromTree(dev.jmp.internal.wire.WireCodec.toTree(
                    new QueueService.Number(id)), QueueService.Number.class).value());
        }
    }
}

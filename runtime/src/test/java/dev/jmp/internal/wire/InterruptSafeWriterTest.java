package dev.jmp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** A message written by an interrupted thread arrives whole, and the thread keeps its interrupt. */
@Timeout(300)
class InterruptSafeWriterTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anInterruptedWriterWritesTheWholeMessageAndKeepsItsFlag() {
        try (ZContext ctx = new ZContext(1)) {
            ZMQ.Socket reader = ctx.createSocket(SocketType.PAIR);
            reader.bind("inproc://jmp-writer-test");
            ZMQ.Socket out = ctx.createSocket(SocketType.PAIR);
            out.connect("inproc://jmp-writer-test");
            reader.setReceiveTimeOut(300_000);
            Thread.currentThread().interrupt();
            boolean written;
            boolean stillInterrupted;
            try {
                written = new InterruptSafeWriter(out, false).write(null, List.of(ByteBuffer.wrap(bytes("a")),
                        ByteBuffer.wrap(bytes("b")), ByteBuffer.wrap(bytes("xcx"), 1, 1).slice()));
            } finally {
                stillInterrupted = Thread.interrupted();
            }
            assertTrue(written);
            assertTrue(stillInterrupted, "the caller's interrupt is set back");
            ZMsg msg = ZMsg.recvMsg(reader);
            assertEquals(3, msg.size());
            assertArrayEquals(bytes("c"), msg.getLast().getData(), "a view sends its own bytes only");
        }
    }

    @Test
    void aRouterRefusesAnUnknownReceiverWithoutLosingTheInterrupt() {
        try (ZContext ctx = new ZContext(1)) {
            ZMQ.Socket router = ctx.createSocket(SocketType.ROUTER);
            router.setRouterMandatory(true);
            router.bind("inproc://jmp-writer-router-test");
            Thread.currentThread().interrupt();
            boolean written;
            boolean stillInterrupted;
            try {
                written = new InterruptSafeWriter(router, true).write(bytes("nobody"), List.of(ByteBuffer.wrap(bytes("a"))));
            } finally {
                stillInterrupted = Thread.interrupted();
            }
            assertFalse(written, "nobody is connected under that identity");
            assertTrue(stillInterrupted);
        }
    }
}

package dev.jmp.internal.wire;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Counts what happens to connections before they carry a frame: JeroMQ refuses a wrong
 * greeting, a mechanism the socket does not speak or a frame over the size limit inside its I/O
 * thread and tells nobody but a socket monitor (JeroMQ 0.6 reports most refusals only as a
 * connection that was opened and never let in; see {@link WireCounters#unauthenticated()}). The hub drains the monitors on its receive
 * thread, so these refusals land in {@link WireCounters} beside the ZAP verdicts.
 */
final class HandshakeMonitor {

    private static final int EVENTS = zmq.ZMQ.ZMQ_EVENT_ACCEPTED | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
            | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH;
    private static int next;
    private final List<ZMQ.Socket> monitors = new ArrayList<>();
    private final WireCounters counters;

    HandshakeMonitor(ZContext ctx, WireCounters counters, ZMQ.Socket... sockets) {
        this.counters = counters;
        for (ZMQ.Socket s : sockets) {
            String address = "inproc://jmp-wire-monitor-" + nextId();
            s.monitor(address, EVENTS);
            ZMQ.Socket m = ctx.createSocket(SocketType.PAIR);
            m.setLinger(0);
            m.connect(address);
            monitors.add(m);
        }
    }

    private static synchronized int nextId() {
        return ++next;
    }

    /** Counts the events since the last call; on the thread that owns the monitors. */
    void drain() {
        for (ZMQ.Socket m : monitors) {
            org.zeromq.ZEvent e;
            while ((e = org.zeromq.ZEvent.recv(m, ZMQ.DONTWAIT)) != null) {
                if (e.getEvent() == org.zeromq.ZMonitor.Event.ACCEPTED) {
                    counters.connectionsOpened.incrementAndGet();
                } else {
                    counters.handshakesFailed.incrementAndGet();
                }
            }
        }
    }
}

package dev.jmp.internal.wire;

import dev.jmp.spi.Daemons;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The ZAP endpoint of one ZeroMQ context: a REP socket on {@code inproc://zeromq.zap.01} that
 * answers each handshake's authentication request with the {@link ZapAuthenticator}'s verdict.
 * It must be bound before any server socket of the context binds, or JeroMQ would let
 * connections in unchecked. One thread; requests are tiny and decided from memory.
 */
final class ZapHandler implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.jmp.wire");
    private static final String ENDPOINT = "inproc://zeromq.zap.01";
    private final ZMQ.Socket socket;
    private final ZapAuthenticator authenticator;
    private final Thread thread;
    private volatile boolean running = true;

    ZapHandler(ZContext ctx, ZapAuthenticator authenticator) {
        this.authenticator = authenticator;
        socket = ctx.createSocket(SocketType.REP);
        socket.setLinger(0);
        socket.setReceiveTimeOut(100);
        socket.bind(ENDPOINT);
        thread = Daemons.start("jmp-wire-zap", this::loop);
    }

    private void loop() {
        try {
            while (running) {
                ZMsg msg = ZMsg.recvMsg(socket);
                if (msg == null) {
                    continue;
                }
                List<byte[]> request = new ArrayList<>(msg.size());
                for (ZFrame f : msg) {
                    request.add(f.getData());
                }
                msg.destroy();
                ZapAuthenticator.Verdict v = authenticator.decide(request);
                String requestId = request.size() > 1 ? new String(request.get(1), StandardCharsets.UTF_8) : "";
                ZMsg reply = new ZMsg();
                reply.add("1.0");
                reply.add(requestId);
                reply.add(v.code());
                reply.add(v.text());
                reply.add(v.userId());
                reply.add(new byte[0]);
                reply.send(socket);
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.log(System.Logger.Level.ERROR, "the wire's authentication handler failed", e);
            }
        }
        // The context closes the socket: closing it here could race the context's own close.
    }

    /** Whether the handler still answers. */
    boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

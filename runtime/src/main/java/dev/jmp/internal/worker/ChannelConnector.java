package dev.jmp.internal.worker;

import dev.jmp.internal.service.ChannelService;
import dev.jmp.internal.wire.ChannelListener;
import dev.jmp.internal.wire.FrameChannel;
import dev.jmp.internal.wire.Hub;
import dev.jmp.internal.wire.WireCodec;
import dev.jmp.internal.wire.WireCounters;
import dev.jmp.internal.wire.WireKey;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Opens one direct call channel to the parent: asks {@link ChannelService} for an offer on the
 * JeroMQ route, connects to its loopback port, writes the offer's nonce and waits for the
 * parent's one-byte acceptance, so that a connection the parent refused (too many waiting, a late
 * or unknown proof) is never used for a call.
 */
final class ChannelConnector {

    /** Asks the parent for an offer. */
    @FunctionalInterface
    interface Offers {
        ChannelService.Offer open() throws InterruptedException;
    }

    private static final int CONNECT_MILLIS = 10_000;
    /** A hang detector: the parent answers a proof at once. */
    private static final int ACCEPT_MILLIS = 10_000;
    private final String selfId;
    private final WireKey key;
    private final WireCounters counters;
    private final Offers offers;

    ChannelConnector(String selfId, WireKey key, WireCounters counters, Offers offers) {
        this.selfId = selfId;
        this.key = key;
        this.counters = counters;
        this.offers = offers;
    }

    /** Opens a channel (interrupts are kept for later); null if the parent did not accept it. */
    FrameChannel connect() {
        boolean interrupted = false;
        Socket socket = null;
        try {
            ChannelService.Offer offer;
            while (true) {
                try {
                    offer = offers.open();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            socket = new Socket();
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), offer.port()), CONNECT_MILLIS);
            byte[] nonce = offer.nonce().getBytes(StandardCharsets.UTF_8);
            DataOutputStream hello = new DataOutputStream(socket.getOutputStream());
            hello.writeInt(nonce.length);
            hello.write(nonce);
            hello.flush();
            socket.setSoTimeout(ACCEPT_MILLIS);
            InputStream in = socket.getInputStream();
            if (in.read() != ChannelListener.ACCEPTED) {
                throw new IOException("the parent refused the call channel");
            }
            socket.setSoTimeout(0);
            return new FrameChannel(socket, selfId, Hub.PARENT_ID, key, WireCodec.standard(), counters);
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
            }
            return null;
        } finally {
            if (interrupted || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

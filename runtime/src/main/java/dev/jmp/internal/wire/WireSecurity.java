package dev.jmp.internal.wire;

import java.util.Locale;

/**
 * How a connection to the hub proves, in the ZeroMQ handshake, that it holds a worker's
 * credential. Either way a ZAP handler checks the credential before the connection reaches a
 * ROUTER (see {@link ZapAuthenticator}); an unauthenticated peer is never given a pipe.
 */
public enum WireSecurity {

    /**
     * ZeroMQ PLAIN: the worker id and its 128-bit token, in clear text. Only for loopback, where
     * no other account can read the traffic; it costs nothing per message.
     */
    TOKEN,

    /**
     * ZeroMQ CURVE: a per-runtime server key pair and a key pair per worker; every frame is
     * encrypted and authenticated. Required for any non-loopback connection.
     */
    CURVE;

    /** The setting's name, as {@code -Djmp.wireSecurity} takes it. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a setting.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static WireSecurity of(String name) {
        for (WireSecurity s : values()) {
            if (s.settingName().equals(name == null ? "" : name.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown wire security '" + name + "': use token or curve");
    }
}

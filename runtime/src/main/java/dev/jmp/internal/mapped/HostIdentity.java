package dev.jmp.internal.mapped;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names the host (more precisely, the running kernel) this process is on, so that a reference
 * deserialized elsewhere can tell whether it may map the owner's file. The Linux boot id is
 * part of it: two machines with one host name, or one machine before and after a reboot,
 * never look alike.
 */
final class HostIdentity {

    private static final String CURRENT = compute();

    private HostIdentity() {
    }

    static String current() {
        return CURRENT;
    }

    private static String compute() {
        String host = read("/proc/sys/kernel/hostname");
        if (host.isEmpty()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown-host";
            }
        }
        String boot = read("/proc/sys/kernel/random/boot_id");
        return boot.isEmpty() ? host : host + "/" + boot;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

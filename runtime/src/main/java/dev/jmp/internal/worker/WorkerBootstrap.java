package dev.jmp.internal.worker;

import dev.jmp.internal.wire.WireCredential;
import java.util.List;

/**
 * What a worker needs to start, sent as one JSON line on its standard input (never on the
 * command line, where other users could read the key).
 *
 * @param workerId             the worker's id on the wire
 * @param endpoint             the parent's hub address workers send to
 * @param downEndpoint         the parent's hub address workers receive from
 * @param key                  the wire key, hex
 * @param parentPid            the parent's pid, watched so the worker exits when it dies; 0 or less
 *                             when the parent runs on another host
 * @param outputNonce          the random tag of output marker lines, so printed text cannot fake one
 * @param heartbeatMillis      how often the worker sends a heartbeat
 * @param heartbeatTimeoutMillis silence from a remote parent after which the worker exits
 * @param localSilenceMillis   silence from a parent on this host, whose pid still runs, after which
 *                             the worker exits (much longer: silence there is load, not death)
 * @param classpath            user jars and directories for the task class loader
 * @param progressFile         the file the worker records its running item in (see {@link ItemProgress}), or null
 * @param credential           what the worker proves itself with in the ZeroMQ handshake (its token,
 *                             and its CURVE keys when the hub uses CURVE); null only for a parent that
 *                             checks none (tests that play the parent)
 */
public record WorkerBootstrap(String workerId, String endpoint, String downEndpoint, String key, long parentPid, String outputNonce,
                              long heartbeatMillis, long heartbeatTimeoutMillis, long localSilenceMillis,
                              List<String> classpath,
                              String progressFile, WireCredential credential) {
}

package dev.jmp.internal.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The archive's JVM options by the worker's release: the AOT cache from 25, dynamic CDS before, always quiet. */
@Timeout(300)
class ArchiveOptionsTest {

    private static final Path FILE = Path.of("/cache/cds/worker-ab");

    @Test
    void java25AndLaterUseTheAheadOfTimeCacheAndOlderReleasesTheDynamicArchive() {
        assertEquals(List.of("-XX:SharedArchiveFile=" + FILE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                ArchiveOptions.use(ArchiveOptions.aot(17, true), FILE));
        assertEquals(List.of("-XX:SharedArchiveFile=" + FILE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                ArchiveOptions.use(ArchiveOptions.aot(24, true), FILE));
        assertEquals(List.of("-XX:AOTCache=" + FILE, "-Xlog:aot=off", "-Xlog:cds=off"), ArchiveOptions.use(ArchiveOptions.aot(25, true), FILE));
        assertEquals(List.of("-XX:AOTCache=" + FILE, "-Xlog:aot=off", "-Xlog:cds=off"), ArchiveOptions.use(ArchiveOptions.aot(26, true), FILE));
        assertEquals(List.of("-XX:SharedArchiveFile=" + FILE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                ArchiveOptions.use(ArchiveOptions.aot(25, false), FILE), "-Djmp.noaot=true keeps 25 on the CDS archive");
        assertEquals(".jsa", ArchiveOptions.suffix(ArchiveOptions.aot(21, true)));
        assertEquals(".aot", ArchiveOptions.suffix(ArchiveOptions.aot(25, true)));
    }

    @Test
    void trainingRecordsAConfigurationOn25ThatASecondJvmTurnsIntoTheCache() {
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + FILE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                ArchiveOptions.train(false, FILE));
        Path conf = Path.of("/cache/cds/worker-ab.aot.1-2.tmp.conf");
        assertEquals(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + conf, "-Xlog:aot=off", "-Xlog:cds=off"),
                ArchiveOptions.train(true, conf));
        assertEquals(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + conf, "-XX:AOTCache=" + FILE,
                "-Xlog:aot=off", "-Xlog:cds=off"), ArchiveOptions.create(conf, FILE));
    }

    @Test
    void userOptionsThatChooseAnArchiveTurnJmpsOff() {
        for (String o : List.of("-Xshare:off", "-Xshare:auto", "-XX:SharedArchiveFile=/a.jsa", "-XX:ArchiveClassesAtExit=/a.jsa",
                "-XX:AOTCache=/a.aot", "-XX:AOTMode=off", "-XX:AOTCacheOutput=/a.aot", "-XX:+AutoCreateSharedArchive",
                "-XX:AOTConfiguration=/a.conf", "-XX:SharedClassListFile=/l", "-XX:DumpLoadedClassList=/l")) {
            assertTrue(ArchiveOptions.userChoosesArchive(List.of("-Xmx1g", o)), o);
        }
        assertFalse(ArchiveOptions.userChoosesArchive(List.of()));
        assertFalse(ArchiveOptions.userChoosesArchive(List.of("-Xmx1g", "-XX:+UseG1GC", "-Dx=-Xshare:off", "-XX:AOTCacheX=1")));
    }
}

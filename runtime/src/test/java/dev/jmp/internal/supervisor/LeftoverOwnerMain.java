package dev.jmp.internal.supervisor;

import dev.jmp.JmpRuntime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A runtime's process for {@code LeftoverFilesIT}: {@code own} makes the files a runtime owns
 * while it runs (a worker progress directory, an archive and an ahead-of-time cache in training), prints their paths and
 * waits on stdin (to be killed); {@code start} starts a runtime, which sweeps, and exits.
 */
public final class LeftoverOwnerMain {

    private LeftoverOwnerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("start")) {
            JmpRuntime rt = JmpRuntime.builder().warmWorkers(0).build();
            System.out.println("started");
            rt.close();
            return;
        }
        Path progress = new ProgressFiles().create("w1");
        Path archive = RuntimeSettings.global().cacheDir().resolve("cds").resolve("worker-test.jsa");
        Files.createDirectories(archive.getParent());
        Path training = Files.writeString(CdsArchive.trainingFile(archive), "archive in training");
        // An ahead-of-time cache in training: the training worker's configuration (Java 25+).
        Path cache = CdsArchive.trainingFile(archive.resolveSibling("worker-test.aot"));
        Path configuration = Files.writeString(cache.resolveSibling(cache.getFileName() + ".conf"), "configuration");
        System.out.println(progress.getParent());
        System.out.println(training);
        System.out.println(configuration);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}

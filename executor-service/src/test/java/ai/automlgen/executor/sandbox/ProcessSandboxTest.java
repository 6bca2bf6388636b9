package ai.automlgen.executor.sandbox;

import ai.automlgen.executor.ExecutionRunner;
import ai.automlgen.executor.artifacts.FileArtifactStore;
import ai.automlgen.executor.slots.SlotLease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process sandbox's own logic; nothing here runs untrusted code (see ProcessSandboxHostileCodeTest). */
class ProcessSandboxTest {
    private static final SandboxLimits LIMITS = new SandboxLimits(64, 64, 64, 4096, 4096);

    @TempDir
    Path state;

    @Test
    void aRunInterruptedByShutdownKillsTheCodeAndSaysInterrupted(@TempDir Path temp) throws Exception {
        // The code runs as an unprivileged uid when the test runs as root: let it reach its work directory.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessSandbox sandbox = new ProcessSandbox("/usr/bin/python3", false, 61000, LIMITS, state);
        ExecutionRunner runner = new ExecutionRunner(new FileArtifactStore(temp.resolve("artifacts"), 1 << 20, 1 << 20),
                temp.resolve("work"), temp.resolve("models"), "test-executor", 42);
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                ended.complete(new AssertionError("returned " + runner.runScript("import time\ntime.sleep(60)", null,
                        sandbox, SlotLease.unpooled(0, 1, 512), Duration.ofSeconds(60))));
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        worker.start();
        Thread.sleep(1000);

        worker.interrupt();

        assertInstanceOf(InterruptedException.class, ended.get(30, TimeUnit.SECONDS));
    }

    @Test
    void executorsOnOneHomeWithDifferentUidBlocksKeepTheirOwnWorldReadablePasswd() throws Exception {
        Path first = ProcessSandbox.writeEtc(state, 61000);
        Path second = ProcessSandbox.writeEtc(state, 61256);

        assertTrue(Files.readString(first.resolve("passwd")).contains("sandbox0:x:61000:61000:"));
        assertTrue(Files.readString(second.resolve("passwd")).contains("sandbox0:x:61256:61256:"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.resolve("group"))));
    }

    @Test
    void commandLineAppliesEveryRlimit() {
        ProcessSandbox sandbox = new ProcessSandbox("/usr/bin/python3", false, 61000, LIMITS, state);
        List<String> command = sandbox.command(new SandboxRun("x", Path.of("/w"), Path.of("/in"), Path.of("/models-on-host"), "solution.py",
                SlotLease.unpooled(0, 2, 512), Duration.ofSeconds(100), 1), 61000);
        // CPU time: timeout × cpus + 60 s soft (SIGXCPU), 5 s more hard (SIGKILL)
        for (String limit : List.of("--as=536870912", "--cpu=260:265", "--fsize=67108864", "--nproc=64", "--core=0")) {
            assertTrue(command.contains(limit), limit + " missing from " + command);
        }
    }
}

package ai.automlgen.executor.sandbox;

import ai.automlgen.executor.slots.SlotLease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process sandbox's own logic; nothing here runs untrusted code (see ProcessSandboxHostileCodeTest). */
class ProcessSandboxTest {
    private static final SandboxLimits LIMITS = new SandboxLimits(64, 64, 64, 4096, 4096);

    @TempDir
    Path state;

    @Test
    void commandLineAppliesEveryRlimit() {
        ProcessSandbox sandbox = new ProcessSandbox("/usr/bin/python3", false, 61000, LIMITS, state);
        List<String> command = sandbox.command(new SandboxRun("x", Path.of("/w"), Path.of("/in"), "solution.py",
                SlotLease.unpooled(0, 2, 512), Duration.ofSeconds(100), 1), 61000);
        // CPU time: timeout × cpus + 60 s soft (SIGXCPU), 5 s more hard (SIGKILL)
        for (String limit : List.of("--as=536870912", "--cpu=260:265", "--fsize=67108864", "--nproc=64", "--core=0")) {
            assertTrue(command.contains(limit), limit + " missing from " + command);
        }
    }
}

package ai.automlgen.executor.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The process sandbox with real processes and /usr/bin/python3. Needs bubblewrap (Debian's
 * {@code bubblewrap}); the isolation cases are meaningless without it, so they are skipped there.
 */
class ProcessSandboxHostileCodeTest extends HostileCodeContract {
    // The executor's default; the sandbox claims a block of uids no other executor on this host holds.
    static final int UID_BASE = 61000;
    static ProcessSandbox sandbox;

    @BeforeAll
    static void startSandbox(@TempDir Path state) {
        sandbox = new ProcessSandbox("/usr/bin/python3", true, UID_BASE, LIMITS, state);
        assumeTrue(sandbox.bubblewrap(), "bubblewrap is not usable here: " + sandbox.isolation());
    }

    @Override
    Sandbox sandbox() {
        return sandbox;
    }
}

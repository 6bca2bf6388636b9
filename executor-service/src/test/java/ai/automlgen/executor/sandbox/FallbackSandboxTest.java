package ai.automlgen.executor.sandbox;

import ai.automlgen.events.Outcome;
import ai.automlgen.executor.slots.SlotLease;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FallbackSandboxTest {
    private static final SandboxRun RUN = new SandboxRun("run-1/n1", Path.of("/tmp/w"), Path.of("/tmp/in"), Path.of("/tmp/models"), "solution.py",
            SlotLease.unpooled(0, 1, 512), Duration.ofMinutes(1), 42);
    private static final SandboxResult OK = new SandboxResult(Outcome.OK, 0, 12, "", "", 0, "exited 0");

    @Test
    void runsInThePrimarySandboxWhileItWorks() throws InterruptedException {
        Recording docker = new Recording("docker", run -> OK);
        Recording process = new Recording("process", run -> OK);
        FallbackSandbox sandbox = new FallbackSandbox(docker, process, Optional.empty());

        assertSame(OK, sandbox.run(RUN));
        assertEquals(List.of(RUN), docker.runs);
        assertTrue(process.runs.isEmpty());
        assertEquals(0, sandbox.fallbacks());
        assertNull(sandbox.lastProblem());
        assertEquals("docker", sandbox.name());
    }

    @Test
    void anExecutionThePrimaryCannotStartRunsInTheFallbackAndSaysSo() throws InterruptedException {
        Recording docker = new Recording("docker", run -> {
            throw new SandboxUnavailableException("Docker could not create the container (Connection refused)", null);
        });
        Recording process = new Recording("process", run -> OK);
        FallbackSandbox sandbox = new FallbackSandbox(docker, process, Optional.empty());

        SandboxResult result = sandbox.run(RUN);

        assertEquals(Outcome.OK, result.outcome());
        assertEquals(List.of(RUN), process.runs);
        assertTrue(result.detail().startsWith("exited 0; ran in the process sandbox because Docker could not create"),
                result.detail());
        assertEquals(1, sandbox.fallbacks());
        assertTrue(sandbox.lastProblem().contains("Connection refused"));
    }

    @Test
    void anExecutionThePrimaryCannotStartFailsWhenTheFallbackMayNotRunCodeSayingHowToFixIt() throws InterruptedException {
        Recording docker = new Recording("docker", run -> {
            throw new SandboxUnavailableException("Docker could not create the container (Connection refused)", null);
        });
        Recording process = new Recording("process", run -> OK);
        FallbackSandbox sandbox = new FallbackSandbox(docker, process,
                Optional.of("it has no bubblewrap; install bubblewrap or restart the engine"));

        SandboxUnavailableException e = assertThrows(SandboxUnavailableException.class, () -> sandbox.run(RUN));

        assertEquals("Docker could not create the container (Connection refused), and the process sandbox may not"
                + " stand in: it has no bubblewrap; install bubblewrap or restart the engine", e.getMessage());
        assertTrue(process.runs.isEmpty());
        assertEquals(0, sandbox.fallbacks());
    }

    @Test
    void otherFailuresOfThePrimaryAreNotRetriedElsewhere() throws InterruptedException {
        // the code may have run already: running it a second time is not the fallback's call
        Recording docker = new Recording("docker", run -> {
            throw new IllegalStateException("lost the container's output stream");
        });
        Recording process = new Recording("process", run -> OK);
        FallbackSandbox sandbox = new FallbackSandbox(docker, process, Optional.empty());

        assertThrows(IllegalStateException.class, () -> sandbox.run(RUN));
        assertTrue(process.runs.isEmpty());
        assertEquals(0, sandbox.fallbacks());
    }

    private static final class Recording implements Sandbox {
        private final String name;
        private final Function<SandboxRun, SandboxResult> behaviour;
        private final List<SandboxRun> runs = new ArrayList<>();

        Recording(String name, Function<SandboxRun, SandboxResult> behaviour) {
            this.name = name;
            this.behaviour = behaviour;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public SandboxResult run(SandboxRun run) {
            runs.add(run);
            return behaviour.apply(run);
        }
    }
}

package ai.automlgen.executor;

import ai.automlgen.events.Outcome;
import ai.automlgen.executor.sandbox.Sandbox;
import ai.automlgen.executor.sandbox.SandboxResult;
import ai.automlgen.executor.sandbox.SandboxRun;

/** A sandbox whose runs do whatever the test says, without running anything. */
final class StubSandbox implements Sandbox {
    static final SandboxResult OK = new SandboxResult(Outcome.OK, 0, 5, "", "", 0, "exited 0");

    interface Behaviour {
        SandboxResult run(SandboxRun run) throws InterruptedException;
    }

    private final Behaviour behaviour;

    StubSandbox(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public String name() {
        return "stub";
    }

    @Override
    public SandboxResult run(SandboxRun run) throws InterruptedException {
        return behaviour.run(run);
    }
}

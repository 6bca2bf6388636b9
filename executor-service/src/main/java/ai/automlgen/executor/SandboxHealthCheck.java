package ai.automlgen.executor;

import ai.automlgen.executor.sandbox.FallbackSandbox;
import ai.automlgen.executor.sandbox.Sandboxes;
import ai.automlgen.executor.slots.SlotGate;
import ai.automlgen.executor.slots.SlotUsage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a sandbox was chosen; reports which one and how busy the slots are. */
@Readiness
@ApplicationScoped
public class SandboxHealthCheck implements HealthCheck {
    private final Sandboxes sandboxes;
    private final SlotGate slots;

    public SandboxHealthCheck(Sandboxes sandboxes, SlotGate slots) {
        this.sandboxes = sandboxes;
        this.slots = slots;
    }

    @Override
    public HealthCheckResponse call() {
        SlotUsage usage = slots.usage();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sandbox").up();
        if (sandboxes.chosen() instanceof FallbackSandbox fallback && fallback.lastProblem() != null) {
            response.withData("fallbacks", fallback.fallbacks()).withData("lastFallbackReason", fallback.lastProblem());
        }
        return response
                .withData("sandbox", sandboxes.chosen().name())
                .withData("cpus", usage.capacity().cpus())
                .withData("cpusInUse", usage.cpusInUse())
                .withData("running", usage.running())
                .build();
    }
}

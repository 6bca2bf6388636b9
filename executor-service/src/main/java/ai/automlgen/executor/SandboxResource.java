package ai.automlgen.executor;

import ai.automlgen.events.Resources;
import ai.automlgen.executor.sandbox.Sandbox;
import ai.automlgen.executor.sandbox.SandboxResult;
import ai.automlgen.executor.sandbox.Sandboxes;
import ai.automlgen.executor.slots.SlotGate;
import ai.automlgen.executor.slots.SlotLease;
import ai.automlgen.executor.slots.SlotUsage;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The debugging aid behind {@code automlgen sandbox run}: runs a script exactly as an execution
 * would (same sandbox, limits, environment and slots), and shows the slots.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {
    private final Sandboxes sandboxes;
    private final SlotGate slots;
    private final ExecutionRunner runner;
    private final InputDirRule inputDirs;

    public SandboxResource(Sandboxes sandboxes, SlotGate slots, ExecutionRunner runner, InputDirRule inputDirs) {
        this.sandboxes = sandboxes;
        this.slots = slots;
        this.runner = runner;
        this.inputDirs = inputDirs;
    }

    /** {@code cpus} defaults to 1; {@code sandbox} null means the executor's own choice. */
    public record RunRequest(String source, String sandbox, Integer timeoutSeconds, Long memoryMb, String inputDir,
                             Integer cpus) {
    }

    public record RunResponse(String outcome, @JsonProperty("exit_code") Integer exitCode,
                              @JsonProperty("duration_ms") long durationMs,
                              @JsonProperty("stdout_tail") String stdoutTail,
                              @JsonProperty("stderr_tail") String stderrTail,
                              @JsonProperty("output_bytes") long outputBytes, String detail, String sandbox) {
    }

    public record SlotsResponse(int cpus, @JsonProperty("memory_mb") long memoryMb, List<String> gpus,
                                @JsonProperty("cpus_in_use") int cpusInUse,
                                @JsonProperty("memory_mb_in_use") long memoryMbInUse,
                                @JsonProperty("gpus_in_use") List<String> gpusInUse, int running,
                                String sandbox, List<String> sandboxes) {
    }

    @POST
    @Path("sandbox/run")
    @Consumes(MediaType.APPLICATION_JSON)
    public RunResponse run(RunRequest request) throws InterruptedException {
        if (request == null || request.source() == null || request.source().isBlank()) {
            throw badRequest("the body needs \"source\": the Python code to run");
        }
        Sandbox sandbox = sandboxes.byName(request.sandbox()).orElseThrow(() -> badRequest(
                "sandbox '" + request.sandbox() + "' is not available here; available: " + sandboxes.available().keySet()));
        int timeout = request.timeoutSeconds() == null ? 60 : request.timeoutSeconds();
        if (timeout < 1) {
            throw badRequest("timeoutSeconds must be at least 1, got " + timeout);
        }
        java.nio.file.Path input = null;
        if (request.inputDir() != null && !request.inputDir().isBlank()) {
            inputDirs.problem(request.inputDir()).ifPresent(problem -> {
                throw badRequest(problem);
            });
            input = java.nio.file.Path.of(request.inputDir());
        }
        Resources resources;
        try {
            resources = new Resources(request.cpus() == null ? 1 : request.cpus(),
                    request.memoryMb() == null ? 2048 : request.memoryMb(), 0);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        slots.whyNeverFits(resources).ifPresent(reason -> {
            throw badRequest(reason);
        });
        SlotLease lease = slots.acquire(resources);
        try {
            SandboxResult r = runner.runScript(request.source(), input, sandbox, lease, Duration.ofSeconds(timeout));
            return new RunResponse(r.outcome().name(), r.exitCode(), r.durationMs(), r.stdoutTail(), r.stderrTail(),
                    r.outputBytes(), r.detail(), sandbox.name());
        } finally {
            slots.release(lease);
        }
    }

    /** A 400 whose JSON body {"error": ...} says what is wrong, for the CLI to print. */
    private static BadRequestException badRequest(String message) {
        return new BadRequestException(message, Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build());
    }

    @GET
    @Path("slots")
    public SlotsResponse slots() {
        SlotUsage usage = slots.usage();
        return new SlotsResponse(usage.capacity().cpus(), usage.capacity().memoryMb(), usage.capacity().gpuIds(),
                usage.cpusInUse(), usage.memoryMbInUse(), usage.gpusInUse(), usage.running(),
                sandboxes.chosen().name(), List.copyOf(sandboxes.available().keySet()));
    }
}

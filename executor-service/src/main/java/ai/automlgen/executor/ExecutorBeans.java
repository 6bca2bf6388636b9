package ai.automlgen.executor;

import ai.automlgen.executor.artifacts.FileArtifactStore;
import ai.automlgen.executor.artifacts.ResultStore;
import ai.automlgen.executor.models.PretrainedModels;
import ai.automlgen.executor.sandbox.DockerSandbox;
import ai.automlgen.executor.sandbox.ProcessSandbox;
import ai.automlgen.executor.sandbox.Sandbox;
import ai.automlgen.executor.sandbox.SandboxLimits;
import ai.automlgen.executor.sandbox.FallbackSandbox;
import ai.automlgen.executor.sandbox.Sandboxes;
import ai.automlgen.executor.slots.Capacity;
import ai.automlgen.executor.slots.GpuDetector;
import ai.automlgen.executor.slots.SlotGate;
import ai.automlgen.executor.slots.SlotPool;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the executor from configuration (singletons: the types are final): slots, sandboxes (the choice logged), stores, scheduler. */
@ApplicationScoped
public class ExecutorBeans {
    private static final Logger LOG = Logger.getLogger(ExecutorBeans.class);

    private final String executorId;

    ExecutorBeans(ExecutorConfig config, @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.executorId = config.executor().id().filter(id -> !id.isBlank())
                .orElseGet(() -> hostName() + ":" + httpPort);
    }

    @Produces
    @Singleton
    SlotGate slots(ExecutorConfig config) {
        ExecutorConfig.Slots slots = config.slots();
        int cpus = slots.cpus() > 0 ? slots.cpus() : Runtime.getRuntime().availableProcessors();
        long memoryMb = slots.memoryMb() > 0 ? slots.memoryMb() : physicalMemoryMb();
        Capacity capacity = new Capacity(cpus, memoryMb, GpuDetector.gpuIds(slots.gpus()));
        LOG.infof("executor %s — slots: %d CPUs, %d MB, GPUs %s", executorId, capacity.cpus(), capacity.memoryMb(), capacity.gpuIds());
        return new SlotGate(new SlotPool(capacity));
    }

    @Produces
    @Singleton
    Sandboxes sandboxes(ExecutorConfig config) {
        ExecutorConfig.Sandbox sandbox = config.sandbox();
        String kind = sandbox.kind().strip().toLowerCase();
        if (!List.of("auto", "docker", "process").contains(kind)) {
            throw new IllegalArgumentException("automlgen.sandbox.kind (AUTOMLGEN_SANDBOX) is '" + sandbox.kind()
                    + "'; use auto, docker or process");
        }
        ExecutorConfig.Sandbox.Limits l = sandbox.limits();
        SandboxLimits limits = new SandboxLimits(l.maxProcesses(), l.maxFileSizeMb(), l.tmpSizeMb(), l.logHeadBytes(), l.logTailBytes());
        Map<String, Sandbox> available = new LinkedHashMap<>();
        ProcessSandbox process = new ProcessSandbox(sandbox.process().python(), sandbox.process().bubblewrap(),
                sandbox.process().uidBase(), limits, config.home().resolve("executions"));
        available.put(process.name(), process);
        List<String> whyNoDocker = new ArrayList<>();
        Optional<DockerSandbox> docker = kind.equals("process") ? Optional.empty()
                : DockerSandbox.connect(sandbox.docker().host(), sandbox.docker().image(), sandbox.docker().python(),
                sandbox.docker().user(), executorId, limits, whyNoDocker);
        docker.ifPresent(d -> available.put(d.name(), d));
        if (kind.equals("docker") && docker.isEmpty()) {
            throw new IllegalStateException("automlgen.sandbox.kind=docker, but " + String.join("; ", whyNoDocker)
                    + " (or set AUTOMLGEN_SANDBOX=auto to fall back to the process sandbox)");
        }
        // auto: Docker when found, and the process sandbox for what Docker later cannot start, if it isolates the code
        Optional<String> whyNoStandIn = process.bubblewrap() ? Optional.empty() : Optional.of("it has no bubblewrap,"
                + " so the code would see the host's files; restart the Docker engine (infra/runtime-image/docker.sh),"
                + " or install bubblewrap (apt-get install bubblewrap) and allow user namespaces");
        Sandbox chosen = docker.<Sandbox>map(d -> kind.equals("auto") ? new FallbackSandbox(d, process, whyNoStandIn) : d)
                .orElse(process);
        if (chosen == process) {
            logProcessIsolation("process (" + (kind.equals("process") ? "configured" : String.join("; ", whyNoDocker)) + ")",
                    process);
        } else {
            LOG.infof("sandbox: docker (%s)", docker.get().isolation());
            if (!kind.equals("auto")) {
                LOG.infof("sandbox: process, for sandbox runs only — %s", process.isolation());
            } else if (whyNoStandIn.isPresent()) {
                LOG.warnf("sandbox: executions Docker cannot start will fail, not run in the process sandbox: %s",
                        whyNoStandIn.get());
            } else {
                logProcessIsolation("process, standing in for executions Docker cannot start", process);
            }
        }
        return new Sandboxes(chosen, available);
    }

    /** For a process sandbox that runs executions: an ERROR beginning {@code SANDBOX:} when its isolation is weaker. */
    private static void logProcessIsolation(String role, ProcessSandbox process) {
        String isolation = process.isolation();
        if (isolation.contains("WEAKER ISOLATION")) {
            LOG.errorf("SANDBOX: %s — %s", role, isolation);
        } else {
            LOG.infof("sandbox: %s — %s", role, isolation);
        }
    }

    /** Made at start, so the pretrained models are unpacked (and logged) before the first execution arrives. */
    @Produces
    @Singleton
    @Startup
    ExecutionRunner runner(ExecutorConfig config) {
        ExecutorConfig.Artifacts a = config.artifacts();
        FileArtifactStore store = new FileArtifactStore(a.root().toAbsolutePath(), a.maxFileMb() * 1024 * 1024, a.maxTotalMb() * 1024 * 1024);
        Path models = config.sandbox().modelsDir().toAbsolutePath();
        List<String> installed = PretrainedModels.install(models, Thread.currentThread().getContextClassLoader());
        LOG.infof("pretrained models for sandboxed code (/models): %s in %s", installed.isEmpty() ? "none" : String.join(", ", installed), models);
        return new ExecutionRunner(store, config.sandbox().workRoot(), models, executorId, config.sandbox().seed());
    }

    @Produces
    @Singleton
    InputDirRule inputDirs(ExecutorConfig config) {
        return new InputDirRule(config.home().resolve("runs"));
    }

    @Produces
    @Singleton
    ExecutionScheduler scheduler(ExecutorConfig config, SlotGate slots, ExecutionRunner runner, Sandboxes sandboxes,
                                 InputDirRule inputDirs) {
        return new ExecutionScheduler(slots, runner, new ResultStore(config.artifacts().resultsRoot()), sandboxes.chosen(),
                inputDirs);
    }

    void stop(@Disposes ExecutionScheduler scheduler) {
        scheduler.shutdown();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "executor";
        }
    }

    private static long physicalMemoryMb() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getTotalMemorySize() / (1024 * 1024);
    }
}

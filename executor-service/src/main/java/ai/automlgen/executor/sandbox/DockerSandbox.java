package ai.automlgen.executor.sandbox;

import ai.automlgen.executor.sandbox.ContractEnvironment.SandboxPaths;
import ai.automlgen.executor.sandbox.OutcomeClassifier.Classified;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Runs code in a throw-away container of the runtime image (infra/runtime-image): no network,
 * read-only root filesystem and input, only /work (scratch + output) and a size-capped /tmp
 * writable, memory/CPU/pids limits from the request, no new privileges, every capability dropped,
 * a non-root user, GPUs by device id. The container is always removed; containers this executor
 * left behind (a crash mid-run) are swept when it starts.
 */
public final class DockerSandbox implements Sandbox {
    public static final String LABEL = "automlgen.sandbox";
    public static final String EXECUTOR_LABEL = "automlgen.executor";
    private static final Logger LOG = Logger.getLogger(DockerSandbox.class);

    private final DockerClient docker;
    private final String image;
    private final String python;
    private final String user;
    private final String executorId;
    private final SandboxLimits limits;

    DockerSandbox(DockerClient docker, String image, String python, String user, String executorId, SandboxLimits limits) {
        this.docker = docker;
        this.image = image;
        this.python = python;
        this.user = user;
        this.executorId = executorId;
        this.limits = limits;
    }

    /**
     * A sandbox when an engine answers at {@code host} and has {@code image}; otherwise empty with
     * the reason in {@code whyNot}.
     */
    public static Optional<DockerSandbox> connect(String host, String image, String python, String user, String executorId,
                                                  SandboxLimits limits, List<String> whyNot) {
        DockerClient docker;
        try {
            var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
            var http = new ZerodepDockerHttpClient.Builder()
                    .dockerHost(URI.create(host))
                    .sslConfig(config.getSSLConfig())
                    .maxConnections(64)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .build();
            docker = DockerClientImpl.getInstance(config, http);
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            whyNot.add("no Docker engine answers at " + host + " (" + e.getMessage() + "); start one with infra/runtime-image/docker.sh");
            return Optional.empty();
        }
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            whyNot.add("the engine at " + host + " has no image " + image + "; build it with infra/runtime-image/build.sh");
            return Optional.empty();
        }
        DockerSandbox sandbox = new DockerSandbox(docker, image, python, user, executorId, limits);
        sandbox.sweep();
        return Optional.of(sandbox);
    }

    @Override
    public String name() {
        return "docker";
    }

    public String image() {
        return image;
    }

    /** Removes containers this executor started and never removed (it died mid-run). */
    public int sweep() {
        List<Container> leftovers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL, "true", EXECUTOR_LABEL, executorId)).exec();
        for (Container container : leftovers) {
            remove(container.getId());
        }
        if (!leftovers.isEmpty()) {
            LOG.warnf("removed %d leftover sandbox container(s) of executor %s", leftovers.size(), executorId);
        }
        return leftovers.size();
    }

    @Override
    public SandboxResult run(SandboxRun spec) throws InterruptedException {
        Path input = prepare(spec);
        List<String> gpuIds = spec.lease().gpuIds();
        // Inside the container the granted GPUs are numbered from 0.
        List<String> visibleGpus = IntStream.range(0, gpuIds.size()).mapToObj(Integer::toString).toList();
        List<String> env = ContractEnvironment.of(SandboxPaths.mounted(), spec.seed(), spec.lease().cpus(), visibleGpus,
                        spec.timeout())
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        long memoryBytes = spec.lease().memoryMb() * 1024 * 1024;
        long fileBytes = limits.maxFileSizeMb() * 1024 * 1024;
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withBinds(new Bind(spec.workDir().toString(), new Volume("/work"), AccessMode.rw),
                        new Bind(input.toString(), new Volume("/work/input"), AccessMode.ro),
                        new Bind(spec.modelsDir().toString(), new Volume(SandboxPaths.MODELS), AccessMode.ro))
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=" + limits.tmpSizeMb() + "m"))
                .withMemory(memoryBytes)
                .withMemorySwap(memoryBytes)
                .withNanoCPUs(spec.lease().cpus() * 1_000_000_000L)
                .withPidsLimit((long) limits.maxProcesses())
                .withSecurityOpts(List.of("no-new-privileges"))
                .withCapDrop(Capability.ALL)
                .withUlimits(List.of(new Ulimit("fsize", fileBytes, fileBytes), new Ulimit("core", 0L, 0L)))
                // Output travels over attach, capped here; a log driver would keep all of it on disk.
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
        if (!gpuIds.isEmpty()) {
            host.withDeviceRequests(List.of(new DeviceRequest().withDriver("nvidia").withDeviceIds(gpuIds)
                    .withCapabilities(List.of(List.of("gpu")))));
        }
        String id;
        try {
            id = docker.createContainerCmd(image)
                    .withName("automlgen-" + UUID.randomUUID())
                    .withLabels(Map.of(LABEL, "true", EXECUTOR_LABEL, executorId, "automlgen.execution", spec.label()))
                    .withUser(user)
                    .withWorkingDir("/work")
                    .withEnv(env)
                    .withCmd(python, spec.script())
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withHostConfig(host)
                    .exec().getId();
        } catch (RuntimeException e) {
            throw new SandboxUnavailableException("Docker could not create the container (" + e.getMessage() + ")", e);
        }
        try {
            return runContainer(id, spec);
        } finally {
            remove(id);
        }
    }

    private SandboxResult runContainer(String id, SandboxRun spec) throws InterruptedException {
        LogCapture stdout = new LogCapture(limits.logHeadBytes(), limits.logTailBytes());
        LogCapture stderr = new LogCapture(limits.logHeadBytes(), limits.logTailBytes());
        ResultCallback.Adapter<Frame> attached = docker.attachContainerCmd(id)
                .withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        byte[] payload = frame.getPayload();
                        switch (frame.getStreamType()) {
                            case STDERR -> stderr.write(payload, 0, payload.length);
                            default -> stdout.write(payload, 0, payload.length);
                        }
                    }
                });
        long start = System.nanoTime();
        boolean timedOut;
        try {
            attached.awaitStarted(30, TimeUnit.SECONDS);
            docker.startContainerCmd(id).exec();
            // false only at the timeout: an interrupt throws, and an engine error on the wait stream is rethrown
            // here (the timed awaitStatusCode reports all three as one DockerClientException)
            timedOut = !docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitCompletion(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (timedOut) {
                kill(id);
            }
            attached.awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            kill(id);
            throw e;
        } finally {
            closeQuietly(attached);
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec().getState();
        boolean oomKilled = Boolean.TRUE.equals(state.getOOMKilled());
        Integer exitCode = state.getExitCodeLong() == null ? null : state.getExitCodeLong().intValue();
        String stderrText = stderr.text();
        Classified classified = OutcomeClassifier.classify(exitCode == null ? -1 : exitCode, timedOut, oomKilled,
                stderrText, limits, spec.lease().memoryMb());
        return new SandboxResult(classified.outcome(), timedOut ? null : exitCode, durationMs, stdout.text(), stderrText,
                stdout.totalBytes() + stderr.totalBytes(), classified.detail());
    }

    /** input/ as a mount point and the work dir writable by the container's non-root user. */
    private Path prepare(SandboxRun spec) {
        try {
            Files.createDirectories(spec.workDir().resolve(SandboxRun.INPUT));
            Path input = spec.inputDir();
            for (Path path : List.of(spec.workDir(), spec.outputDir())) {
                Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            return input;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + spec.workDir() + ": " + e.getMessage(), e);
        }
    }

    private void kill(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (RuntimeException e) {
            LOG.debugf("container %s already stopped: %s", id, e.getMessage());
        }
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            LOG.debugf("container %s already removed", id);
        }
    }

    private static void closeQuietly(ResultCallback.Adapter<Frame> callback) {
        try {
            callback.close();
        } catch (IOException e) {
            LOG.debugf("closing an attach stream: %s", e.getMessage());
        }
    }

    /** Lists what {@link #run} would mount, for the start-up log. */
    public String isolation() {
        return "docker image " + image + ": network none, read-only root and input, cap-drop ALL, no-new-privileges, user "
                + user + ", memory/CPU/pids limits, fsize " + limits.maxFileSizeMb() + " MB";
    }
}

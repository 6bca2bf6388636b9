package ai.automlgen.executor.sandbox;

import ai.automlgen.executor.sandbox.ContractEnvironment.SandboxPaths;
import ai.automlgen.executor.host.HostCommand;
import ai.automlgen.executor.sandbox.OutcomeClassifier.Classified;
import org.jboss.logging.Logger;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs code as a child process group under rlimits (prlimit). Where the host allows:
 * <ul>
 *   <li>bubblewrap gives it new namespaces (no network, own pids) and a private filesystem view:
 *       read-only /usr and a few /etc files, input read-only, the work directory writable, a
 *       private /tmp — nothing else of the host;</li>
 *   <li>when the executor is root, each concurrent execution runs as its own unprivileged uid
 *       ({@code uidBase + seat}), so the process limit counts only that execution and a final
 *       {@code kill -1} as that uid leaves nothing behind.</li>
 * </ul>
 * {@link #isolation()} says which of these this host gives; the executor logs it at start.
 */
public final class ProcessSandbox implements Sandbox {
    private static final Logger LOG = Logger.getLogger(ProcessSandbox.class);
    private static final List<String> ETC_FILES = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
            "/etc/ld.so.conf.d", "/etc/localtime", "/etc/python3", "/etc/python3.11", "/etc/matplotlibrc",
            "/etc/fonts", "/etc/mime.types");
    private static final List<String> ROOT_LINKS = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    private static final int SANDBOX_UID = 65534;
    private static final int MAX_SEATS = 256;
    private static final int CPU_HARD_LIMIT_GRACE_SECONDS = 5;
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(10);

    private final String python;
    private final SandboxLimits limits;
    private final int uidBase;
    private final boolean root;
    private final boolean bubblewrap;
    private final Path etcDir;

    /**
     * @param bubblewrapWanted use bubblewrap when it works here
     * @param stateDir         a folder the executor owns, for the sandbox's passwd/group files
     */
    public ProcessSandbox(String python, boolean bubblewrapWanted, int uidBase, SandboxLimits limits, Path stateDir) {
        this.python = python;
        this.limits = limits;
        this.root = "0".equals(run(List.of("id", "-u")).strip());
        this.uidBase = root ? UidBlocks.claim(uidBase, MAX_SEATS) : uidBase;
        this.etcDir = writeEtc(stateDir, this.uidBase);
        this.bubblewrap = bubblewrapWanted && bubblewrapWorks();
    }

    @Override
    public String name() {
        return "process";
    }

    public boolean bubblewrap() {
        return bubblewrap;
    }

    /** One line for the start-up log; names every guarantee this host cannot give. */
    public String isolation() {
        List<String> missing = new ArrayList<>();
        if (!bubblewrap) {
            missing.add("no bubblewrap (apt-get install bubblewrap, and allow user namespaces): the code sees the"
                    + " host's files its uid may read" + (root ? "" : " and the network"));
        }
        if (!root) {
            missing.add("not root: the code runs as the executor's own user, the process limit counts all of that"
                    + " user's processes and stray children are found by process tree only");
        }
        String has = (bubblewrap ? "bubblewrap (no network, private filesystem view, private /tmp, own pid namespace)"
                : root ? "new network namespace (no network)" : "plain process group")
                + (root ? ", one unprivileged uid per execution" : "") + ", rlimits (address space, CPU time, file size,"
                + " processes), scrubbed environment";
        return missing.isEmpty() ? has : has + " — WEAKER ISOLATION: " + String.join("; ", missing);
    }

    @Override
    public SandboxResult run(SandboxRun spec) throws InterruptedException {
        int uid = uidBase + spec.lease().seat();
        prepare(spec, uid);
        SandboxPaths paths = bubblewrap ? SandboxPaths.mounted() : new SandboxPaths(spec.workDir().toString(),
                spec.workDir().resolve(SandboxRun.INPUT).toString(), spec.outputDir().toString(),
                spec.modelsDir().toString(), spec.workDir().toString(), spec.workDir().resolve("tmp").toString());
        List<String> command = command(spec, uid);
        ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(ContractEnvironment.of(paths, spec.seed(), spec.lease().cpus(), spec.lease().gpuIds(), spec.timeout()));

        LogCapture stdout = new LogCapture(limits.logHeadBytes(), limits.logTailBytes());
        LogCapture stderr = new LogCapture(limits.logHeadBytes(), limits.logTailBytes());
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Thread out = drainer(spec.label() + "-stdout", () -> stdout.drain(process.getInputStream()));
        Thread err = drainer(spec.label() + "-stderr", () -> stderr.drain(process.getErrorStream()));
        boolean timedOut;
        int exitCode;
        try {
            timedOut = !process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (timedOut) {
                killAll(process, uid);
            }
            exitCode = process.waitFor();
        } finally {
            // Children that outlived the main process (daemons, double forks) go too.
            killAll(process, uid);
            join(out);
            join(err);
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String stderrText = stderr.text();
        Classified classified = OutcomeClassifier.classify(exitCode, timedOut, false, stderrText, limits,
                spec.lease().memoryMb());
        return new SandboxResult(classified.outcome(), timedOut ? null : exitCode, durationMs, stdout.text(), stderrText,
                stdout.totalBytes() + stderr.totalBytes(), classified.detail());
    }

    /** The full command line, as run; public so tests can check the limits it applies. */
    public List<String> command(SandboxRun spec, int uid) {
        List<String> command = new ArrayList<>();
        long cpuSeconds = spec.timeout().toSeconds() * spec.lease().cpus() + 60;
        command.addAll(List.of("prlimit",
                "--as=" + spec.lease().memoryMb() * 1024 * 1024,
                // SIGXCPU at the soft limit, so the run reads as KILLED at its CPU time limit; the hard
                // limit's SIGKILL would read as the kernel's out-of-memory kill.
                "--cpu=" + cpuSeconds + ":" + (cpuSeconds + CPU_HARD_LIMIT_GRACE_SECONDS),
                "--fsize=" + limits.maxFileSizeMb() * 1024 * 1024,
                "--nproc=" + limits.maxProcesses(),
                "--core=0", "--"));
        if (bubblewrap) {
            command.addAll(bubblewrapArguments(spec));
        } else if (root) {
            command.addAll(List.of("unshare", "--net", "--ipc", "--uts", "--"));
        }
        if (root) {
            // As root, bubblewrap mounts without a user namespace and the code then becomes a real
            // unprivileged uid on the host, where the process limit counts and kill -1 reaches.
            command.addAll(dropTo(uid));
        }
        if (!bubblewrap) {
            command.addAll(List.of("setsid", "--"));
        }
        command.add(python);
        command.add(spec.script());
        return command;
    }

    private static List<String> dropTo(int uid) {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--no-new-privs",
                "--bounding-set=-all", "--inh-caps=-all", "--");
    }

    private List<String> bubblewrapArguments(SandboxRun spec) {
        List<String> args = new ArrayList<>(List.of("bwrap", "--die-with-parent", "--new-session", "--hostname", "sandbox"));
        if (root) {
            args.addAll(List.of("--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"));
        } else {
            args.addAll(List.of("--unshare-all", "--uid", Integer.toString(SANDBOX_UID), "--gid", Integer.toString(SANDBOX_UID)));
        }
        args.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String name : ROOT_LINKS) {
            Path path = Path.of("/", name);
            if (Files.isSymbolicLink(path)) {
                args.addAll(List.of("--symlink", readLink(path), "/" + name));
            } else if (Files.isDirectory(path)) {
                args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        // Made explicitly: bubblewrap would create /etc 0700 as root, hiding it from the sandbox uid.
        args.addAll(List.of("--perms", "0755", "--dir", "/etc"));
        for (String etc : ETC_FILES) {
            args.addAll(List.of("--ro-bind-try", etc, etc));
        }
        args.addAll(List.of("--ro-bind", etcDir.resolve("passwd").toString(), "/etc/passwd",
                "--ro-bind", etcDir.resolve("group").toString(), "/etc/group",
                "--proc", "/proc", "--dev", "/dev",
                "--size", Long.toString(limits.tmpSizeMb() * 1024 * 1024), "--perms", "1777", "--tmpfs", "/tmp",
                "--bind", spec.workDir().toString(), "/work",
                "--ro-bind", spec.inputDir().toString(), "/work/input",
                "--ro-bind", spec.modelsDir().toString(), SandboxPaths.MODELS));
        if (!spec.lease().gpuIds().isEmpty()) {
            for (String dev : List.of("/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools")) {
                args.addAll(List.of("--dev-bind-try", dev, dev));
            }
            for (String id : spec.lease().gpuIds()) {
                args.addAll(List.of("--dev-bind-try", "/dev/nvidia" + id, "/dev/nvidia" + id));
            }
        }
        args.addAll(List.of("--chdir", "/work", "--"));
        return args;
    }

    /** Makes input/ (a link, or the mount point bubblewrap covers), tmp/ and hands the work dir to the uid. */
    private void prepare(SandboxRun spec, int uid) {
        try {
            Path input = spec.workDir().resolve(SandboxRun.INPUT);
            if (bubblewrap) {
                Files.createDirectories(input);
            } else {
                Files.deleteIfExists(input); // an empty mount point another sandbox made for this run
                Files.createSymbolicLink(input, spec.inputDir());
                Files.createDirectories(spec.workDir().resolve("tmp"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + spec.workDir() + ": " + e.getMessage(), e);
        }
        if (root) {
            giveTo(spec.workDir(), uid);
        }
    }

    /** chown -R -h uid:uid, without a process per execution (the tree is a handful of fresh entries). */
    private static void giveTo(Path tree, int uid) {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + tree + " to uid " + uid + ": " + e.getMessage(), e);
        }
    }

    private void killAll(Process process, int uid) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (root) {
            // Every process of this execution's uid, wherever it re-parented itself.
            List<String> killUid = new ArrayList<>(dropTo(uid));
            killUid.addAll(List.of("kill", "-KILL", "-1"));
            runQuietly(killUid);
        } else {
            runQuietly(List.of("kill", "-KILL", "--", "-" + process.pid()));
        }
    }

    private boolean bubblewrapWorks() {
        List<String> probe = new ArrayList<>(List.of("bwrap", "--ro-bind", "/", "/"));
        probe.addAll(root ? List.of("--unshare-net", "--unshare-pid") : List.of("--unshare-all"));
        probe.add("/bin/true");
        try {
            HostCommand.Result result = HostCommand.run(probe, PROBE_DEADLINE);
            if (!result.succeeded()) {
                LOG.warnf("bubblewrap does not work here (%s): %s", String.join(" ", probe),
                        result.finished() ? result.output().strip() : "no answer within " + PROBE_DEADLINE.toSeconds() + " s");
            }
            return result.succeeded();
        } catch (IOException e) {
            LOG.warnf("bubblewrap is not installed (%s)", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One folder per uid block, so executors sharing a home each write their own; each file is written
     * aside and moved into place, so a sandbox starting meanwhile never binds a half-written one.
     */
    static Path writeEtc(Path stateDir, int uidBase) {
        try {
            Path dir = Files.createDirectories(stateDir.resolve("sandbox-etc-" + uidBase));
            // Names for the uids code may run as: libraries that look up the user (getpass) need one.
            StringBuilder passwd = new StringBuilder("nobody:x:" + SANDBOX_UID + ":" + SANDBOX_UID + ":sandbox:/work:/usr/sbin/nologin\n");
            StringBuilder group = new StringBuilder("nogroup:x:" + SANDBOX_UID + ":\n");
            for (int seat = 0; seat < MAX_SEATS; seat++) {
                int uid = uidBase + seat;
                passwd.append("sandbox").append(seat).append(":x:").append(uid).append(':').append(uid)
                        .append(":sandbox:/work:/usr/sbin/nologin\n");
                group.append("sandbox").append(seat).append(":x:").append(uid).append(":\n");
            }
            replace(dir.resolve("passwd"), passwd);
            replace(dir.resolve("group"), group);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's passwd under " + stateDir + ": " + e.getMessage(), e);
        }
    }

    private static void replace(Path file, CharSequence content) throws IOException {
        // Readable by the sandbox's uids, whatever the executor's umask.
        Path partial = Files.createTempFile(file.getParent(), file.getFileName() + "-", ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.writeString(partial, content);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Thread drainer(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String run(List<String> command) {
        try {
            HostCommand.Result result = HostCommand.run(command, PROBE_DEADLINE);
            if (!result.succeeded()) {
                throw new IllegalStateException(String.join(" ", command) + (result.finished() ? " failed: "
                        + result.output().strip() : " did not finish within " + PROBE_DEADLINE.toSeconds() + " s"));
            }
            return result.output();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private static void runQuietly(List<String> command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warnf("cannot run %s to clean up: %s", command.get(0), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

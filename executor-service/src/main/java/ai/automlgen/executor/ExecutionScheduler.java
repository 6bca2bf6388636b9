package ai.automlgen.executor;

import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.executor.artifacts.FileArtifactStore;
import ai.automlgen.executor.artifacts.ResultStore;
import ai.automlgen.executor.sandbox.Sandbox;
import ai.automlgen.executor.slots.SlotGate;
import ai.automlgen.executor.slots.SlotLease;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits requests into slots and runs them on a worker pool as large as the most executions the
 * slots allow at once. {@link Submission#admitted()} completes when a request holds its slots (or
 * needs none: replayed, duplicate, rejected), so the caller can take the next request then;
 * {@link Submission#finished()} completes with the result to publish.
 */
public final class ExecutionScheduler {
    private static final Logger LOG = Logger.getLogger(ExecutionScheduler.class);

    private final SlotGate slots;
    private final ExecutionRunner runner;
    private final ResultStore results;
    private final Sandbox sandbox;
    private final InputDirRule inputDirs;
    private final ExecutorService workers;
    private final Map<String, CompletableFuture<ExecutionFinished>> inFlight = new ConcurrentHashMap<>();

    public ExecutionScheduler(SlotGate slots, ExecutionRunner runner, ResultStore results, Sandbox sandbox,
                              InputDirRule inputDirs) {
        this.slots = slots;
        this.runner = runner;
        this.results = results;
        this.sandbox = sandbox;
        this.inputDirs = inputDirs;
        int size = slots.usage().capacity().cpus();
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, "execution-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public record Submission(CompletableFuture<Void> admitted, CompletableFuture<ExecutionFinished> finished) {
        static Submission done(ExecutionFinished finished) {
            return new Submission(CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(finished));
        }
    }

    public Submission submit(ExecutionRequested request) {
        String key = request.runId() + "/" + request.nodeId();
        Optional<String> badIds = idProblem(request);
        if (badIds.isPresent()) {
            // Ids that cannot name a folder cannot be stored either: answer without storing.
            LOG.warnf("%s rejected: %s", key, badIds.get());
            return Submission.done(runner.rejected(request, badIds.get()));
        }
        Optional<ExecutionFinished> stored = results.find(request.runId(), request.nodeId());
        if (stored.isPresent()) {
            LOG.infof("%s already finished (%s); republishing the stored result", key, stored.get().outcome());
            return Submission.done(stored.get());
        }
        Optional<String> problem = RequestCheck.problems(request, inputDirs)
                .or(() -> slots.whyNeverFits(request.resources()).map(reason -> "cannot ever run here: " + reason));
        if (problem.isPresent()) {
            LOG.warnf("%s rejected: %s", key, problem.get());
            ExecutionFinished rejected = runner.rejected(request, problem.get());
            results.save(rejected);
            return Submission.done(rejected);
        }
        CompletableFuture<ExecutionFinished> finished = new CompletableFuture<>();
        CompletableFuture<ExecutionFinished> running = inFlight.putIfAbsent(key, finished);
        if (running != null) {
            LOG.infof("%s is already running here; its result answers this redelivery too", key);
            return new Submission(CompletableFuture.completedFuture(null), running);
        }
        CompletableFuture<Void> admitted = new CompletableFuture<>();
        workers.execute(() -> run(request, key, admitted, finished));
        return new Submission(admitted, finished);
    }

    private static Optional<String> idProblem(ExecutionRequested request) {
        try {
            FileArtifactStore.safeSegment(request.runId());
            FileArtifactStore.safeSegment(request.nodeId());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void run(ExecutionRequested request, String key, CompletableFuture<Void> admitted,
                     CompletableFuture<ExecutionFinished> finished) {
        SlotLease lease = null;
        try {
            lease = slots.acquire(request.resources());
            admitted.complete(null);
            ExecutionFinished result = runner.execute(request, sandbox, lease);
            results.save(result);
            finished.complete(result);
        } catch (InterruptedException e) {
            // The executor is stopping (or the slot wait was cut short): nothing is stored or published,
            // the request stays unacknowledged and runs again after a restart.
            Thread.currentThread().interrupt();
            finished.completeExceptionally(e);
        } catch (Throwable e) { // an Error too (OutOfMemoryError): `finished` must complete, or the request waits forever
            LOG.errorf(e, "%s could not be run", key);
            // Not stored: a redelivery may succeed once the executor's problem is fixed.
            finished.complete(runner.failed(request, e));
        } finally {
            if (lease != null) {
                slots.release(lease);
            }
            admitted.complete(null);
            inFlight.remove(key);
        }
    }

    public void shutdown() {
        workers.shutdownNow();
    }
}

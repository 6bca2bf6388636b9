package ai.automlgen.planner.run;

import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.BestImproved;
import ai.automlgen.events.Budget;
import ai.automlgen.events.CodeRef;
import ai.automlgen.events.EdgeAdded;
import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.NodeCreated;
import ai.automlgen.events.NodeScored;
import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.Resources;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.RunFinished;
import ai.automlgen.events.TaskPrepared;
import ai.automlgen.events.TaskRejected;
import ai.automlgen.events.TaskSubmitted;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.Coder;
import ai.automlgen.planner.coder.CoderRegistry;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.graph.NodeRecord;
import ai.automlgen.planner.graph.NodeStatus;
import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RunRecord;
import ai.automlgen.planner.graph.RunStatus;
import ai.automlgen.planner.messaging.PlannerEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's life (DESIGN §3): submit → prepared → expand nodes (coder → Redis → executions) →
 * evaluations (record, reward, backpropagate, best) → more expansions until the budget is spent →
 * refit the best node on all labelled data → finished. Decisions of where to expand come from
 * {@link ExpansionPlanner}; this class does the bookkeeping and the I/O around them.
 */
@ApplicationScoped
public class RunService {
    private static final Logger LOG = Logger.getLogger(RunService.class);
    static final String ROOT = "root";

    private final RedisGraphStore store;
    private final PlannerEvents events;
    private final CoderRegistry coders;
    private final RunSettings settings;
    private final ExpansionPlanner planner;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public RunService(RedisGraphStore store, PlannerEvents events, CoderRegistry coders, RunSettings settings,
                      ExpansionPlanner planner) {
        this.store = store;
        this.events = events;
        this.coders = coders;
        this.settings = settings;
        this.planner = planner;
    }

    // ------------------------------------------------------------------ submit

    /** Validates the request, records the run and asks the evaluator to prepare the task. */
    public RunRecord submit(RunRequest request) {
        Path taskDir = Path.of(request.taskDir()).toAbsolutePath().normalize();
        if (!taskDir.toFile().isDirectory()) {
            throw new InvalidRunException("task folder " + taskDir + " does not exist or is not a folder");
        }
        String coderName = orDefault(request.coder(), settings.defaultCoder());
        if (coders.find(coderName).isEmpty()) {
            throw new InvalidRunException("unknown coder '" + coderName + "'; available: " + coders.names());
        }
        String policy = orDefault(request.policy(), settings.defaultPolicy());
        if (!planner.knows(policy)) {
            throw new InvalidRunException("unknown policy '" + policy + "'; available: " + planner.policies());
        }
        Duration wallClock = request.budget() == null ? settings.defaultBudget() : request.budget();
        int maxNodes = request.maxNodes() == null ? settings.defaultMaxNodes() : request.maxNodes();
        if (wallClock.isNegative() || wallClock.isZero() || maxNodes < 1) {
            throw new InvalidRunException("budget must be positive (got " + wallClock + ", " + maxNodes + " nodes)");
        }
        RunConfig config = new RunConfig(policy, coderName,
                request.parallelism() == null ? settings.defaultParallelism() : request.parallelism(),
                request.seed() == null ? 0L : request.seed(), request.evaluators(), request.rewardEvaluator(),
                request.params());
        String runId = "run-" + UUID.randomUUID().toString().substring(0, 13);
        RunRecord run = new RunRecord(runId, taskDir.toString(), RunStatus.PREPARING, config,
                new Budget(wallClock, maxNodes), Instant.now(), null, null, null, null, null, null, null, null, null);
        store.createRun(run);
        events.taskSubmitted(TaskSubmitted.of(runId, run.taskDir(), run.budget(), config));
        LOG.infof("run %s submitted for %s (policy %s, coder %s, budget %s / %d nodes)", runId, taskDir, policy,
                coderName, wallClock, maxNodes);
        return run;
    }

    // ------------------------------------------------------------------ events

    public void onPrepared(TaskPrepared prepared) {
        withRun(prepared.runId(), run -> {
            if (run.status() != RunStatus.PREPARING) {
                return; // redelivered
            }
            Instant now = Instant.now();
            RunRecord searching = run.searching(now, prepared.task(), prepared.inputs());
            store.saveRun(searching);
            store.addNode(new NodeRecord(run.runId(), ROOT, 0, null, "root", null, 0, NodeStatus.GOOD, null, 0, 0,
                    "task: " + prepared.task().name(), null, null, null, null, null, now, now), "", null);
            events.search(NodeCreated.of(run.runId(), ROOT, null, "root", null, 0, "task: " + prepared.task().name()));
            LOG.infof("run %s prepared: %d train / %d valid / %d test rows", run.runId(),
                    prepared.inputs().trainRows(), prepared.inputs().validRows(), prepared.inputs().testRows());
            expand(searching);
        });
    }

    public void onRejected(TaskRejected rejected) {
        withRun(rejected.runId(), run -> {
            if (run.status().terminal()) {
                return;
            }
            finish(run, RunStatus.FAILED, null, "task rejected: " + String.join("; ", rejected.problems()));
        });
    }

    /** Keeps what the planner needs from an execution: outcome, output tail (for debug), submission. */
    public void onExecutionFinished(ExecutionFinished finished) {
        withRun(finished.runId(), run -> store.node(run.runId(), finished.nodeId()).ifPresent(node -> {
            String tail = finished.stderrTail() == null || finished.stderrTail().isBlank()
                    ? finished.stdoutTail() : finished.stderrTail();
            String submission = finished.artifact(ArtifactRef.SUBMISSION).map(ArtifactRef::uri).orElse(null);
            store.saveNode(node.executed(finished.outcome().name(), tail, submission));
        }));
    }

    public void onEvaluation(EvaluationCompleted evaluation) {
        withRun(evaluation.runId(), run -> {
            Optional<NodeRecord> found = store.node(run.runId(), evaluation.nodeId());
            if (found.isEmpty()) {
                return;
            }
            store.putEvaluation(run.runId(), evaluation.nodeId(), evaluation.evaluatorId(), EventJson.write(evaluation));
            NodeRecord node = found.get();
            if (!evaluation.evaluatorId().equals(run.config().rewardEvaluator()) || node.status().finished()) {
                return; // another evaluator's opinion, or a redelivery
            }
            if (node.refit()) {
                onRefitEvaluated(run, node, evaluation);
            } else {
                onNodeEvaluated(run, node, evaluation);
            }
        });
    }

    private void onNodeEvaluated(RunRecord run, NodeRecord node, EvaluationCompleted evaluation) {
        boolean good = evaluation.valid() && evaluation.score() != null && Double.isFinite(evaluation.score());
        boolean newBest = good && Rewards.improves(evaluation.score(), run.bestScore(), run.task().lowerIsBetter());
        double reward = Rewards.reward(good, Operator.fromWire(node.operator()), newBest);
        NodeRecord scored = node.scored(good ? NodeStatus.GOOD : NodeStatus.BUGGY, good ? evaluation.score() : null,
                good ? null : evaluation.reason(), evaluation.testGrade());
        store.saveNode(scored);
        backpropagate(run.runId(), scored, reward);
        events.search(NodeScored.of(run.runId(), node.nodeId(), scored.status().name(), scored.score(), reward,
                scored.reason()));
        RunRecord updated = run;
        if (newBest) {
            events.search(BestImproved.of(run.runId(), node.nodeId(), evaluation.score(), run.bestNodeId(), run.bestScore()));
            updated = run.withBest(node.nodeId(), evaluation.score());
            store.saveRun(updated);
        }
        LOG.infof("run %s node %s (%s) %s: %s", run.runId(), node.nodeId(), node.operator(),
                good ? "scored" : "is buggy", good ? evaluation.score() : evaluation.reason());
        expand(updated);
    }

    private void onRefitEvaluated(RunRecord run, NodeRecord refit, EvaluationCompleted evaluation) {
        store.saveNode(refit.scored(evaluation.valid() ? NodeStatus.GOOD : NodeStatus.BUGGY, null, evaluation.reason(),
                evaluation.testGrade()));
        if (evaluation.valid()) {
            finish(run, RunStatus.COMPLETED, refit.nodeId(), null);
        } else {
            // the refit broke: the best node's own submission (trained without the validation rows) still stands
            finish(run, RunStatus.COMPLETED, run.bestNodeId(), "refit failed (" + evaluation.reason()
                    + "); the submission is the best node's own");
        }
    }

    // ------------------------------------------------------------------ expansion

    /** Fills the run's free expansion slots; starts the refit once the search is over. */
    private void expand(RunRecord run) {
        if (run.status() != RunStatus.SEARCHING) {
            return;
        }
        List<NodeRecord> nodes = store.nodes(run.runId());
        long inFlight = nodes.stream().filter(n -> n.status() == NodeStatus.PENDING).count();
        long expanded = nodes.stream().filter(n -> !ROOT.equals(n.nodeId())).count();
        boolean budgetSpent = Instant.now().isAfter(run.deadline()) || expanded >= run.budget().maxNodes();
        while (!budgetSpent && inFlight < run.config().parallelism()) {
            Optional<ExpansionPlanner.Decision> decision = planner.next(run, nodes);
            if (decision.isEmpty()) {
                break;
            }
            NodeRecord node = createNode(run, decision.get(), nodes);
            if (node == null) {
                break;
            }
            nodes = store.nodes(run.runId());
            inFlight++;
            expanded++;
            budgetSpent = expanded >= run.budget().maxNodes();
        }
        if (inFlight == 0) {
            startRefit(run);
        }
    }

    private NodeRecord createNode(RunRecord run, ExpansionPlanner.Decision decision, List<NodeRecord> nodes) {
        Coder coder = coders.find(run.config().coder()).orElseThrow();
        NodeRecord parent = nodes.stream().filter(n -> n.nodeId().equals(decision.parentId())).findFirst().orElseThrow();
        long seq = store.nextSequence(run.runId());
        String nodeId = "n" + seq;
        CodeResult code;
        try {
            code = coder.write(new CodeRequest(decision.operator(), run.task(), run.inputs(),
                    ROOT.equals(parent.nodeId()) ? null : context(run.runId(), parent),
                    nodes.stream().filter(n -> "draft".equals(n.operator())).map(n -> context(run.runId(), n)).toList(),
                    decision.referenceIds().stream().flatMap(id -> store.node(run.runId(), id).stream())
                            .map(n -> context(run.runId(), n)).toList(),
                    List.of(), List.of(), run.config().seed() * 1_000_003L + seq));
        } catch (RuntimeException e) {
            // a coder failure is recorded as a buggy node, so the search sees it and moves on
            LOG.warnf(e, "run %s: coder %s failed for %s", run.runId(), coder.name(), decision.operator());
            recordCoderFailure(run, decision, parent, nodeId, seq, e);
            return null;
        }
        String branch = decision.operator() == Operator.DRAFT ? nodeId : parent.branch();
        NodeRecord node = new NodeRecord(run.runId(), nodeId, seq, parent.nodeId(), decision.operator().wireName(),
                branch, parent.depth() + 1, NodeStatus.PENDING, null, 0, 0, code.plan(), null, null, null, null,
                null, Instant.now(), null);
        store.addNode(node, code.code(), code.spec());
        store.addEdge(run.runId(), parent.nodeId(), nodeId, "PARENT");
        events.search(NodeCreated.of(run.runId(), nodeId, parent.nodeId(), node.operator(), branch, node.depth(), code.plan()));
        events.search(EdgeAdded.of(run.runId(), parent.nodeId(), nodeId, "PARENT"));
        for (String ref : decision.referenceIds()) {
            store.addEdge(run.runId(), ref, nodeId, "REFERENCE");
            events.search(EdgeAdded.of(run.runId(), ref, nodeId, "REFERENCE"));
        }
        requestExecution(run, node, code.code(), run.inputs().inputDir(), false);
        return node;
    }

    private void recordCoderFailure(RunRecord run, ExpansionPlanner.Decision decision, NodeRecord parent,
                                    String nodeId, long seq, RuntimeException error) {
        String branch = decision.operator() == Operator.DRAFT ? nodeId : parent.branch();
        NodeRecord node = new NodeRecord(run.runId(), nodeId, seq, parent.nodeId(), decision.operator().wireName(),
                branch, parent.depth() + 1, NodeStatus.BUGGY, null, 0, 0, "coder failed", null,
                "coder failed: " + error.getMessage(), null, null, null, Instant.now(), Instant.now());
        store.addNode(node, "", null);
        store.addEdge(run.runId(), parent.nodeId(), nodeId, "PARENT");
        events.search(NodeCreated.of(run.runId(), nodeId, parent.nodeId(), node.operator(), branch, node.depth(), node.plan()));
        events.search(NodeScored.of(run.runId(), nodeId, NodeStatus.BUGGY.name(), null, Rewards.BUGGY, node.reason()));
    }

    private void startRefit(RunRecord run) {
        if (run.bestNodeId() == null) {
            finish(run, RunStatus.FAILED, null, "no node produced a valid pipeline within the budget");
            return;
        }
        NodeRecord best = store.node(run.runId(), run.bestNodeId()).orElseThrow();
        String code = store.code(run.runId(), best.nodeId()).orElseThrow();
        long seq = store.nextSequence(run.runId());
        String nodeId = "n" + seq;
        NodeRecord refit = new NodeRecord(run.runId(), nodeId, seq, best.nodeId(), Operator.REFIT.wireName(),
                best.branch(), best.depth() + 1, NodeStatus.PENDING, null, 0, 0,
                "refit " + best.nodeId() + " on all labelled data", null, null, null, null, null, Instant.now(), null);
        store.addNode(refit, code, store.spec(run.runId(), best.nodeId()).orElse(null));
        store.addEdge(run.runId(), best.nodeId(), nodeId, "PARENT");
        RunRecord refitting = run.withStatus(RunStatus.REFITTING);
        store.saveRun(refitting);
        events.search(NodeCreated.of(run.runId(), nodeId, best.nodeId(), refit.operator(), best.branch(), refit.depth(), refit.plan()));
        events.search(EdgeAdded.of(run.runId(), best.nodeId(), nodeId, "PARENT"));
        String fullDir = Path.of(run.inputs().inputDir()).resolveSibling("full").toString();
        requestExecution(refitting, refit, code, fullDir, true);
    }

    private void requestExecution(RunRecord run, NodeRecord node, String code, String inputDir, boolean refit) {
        Duration left = Duration.between(Instant.now(), run.deadline()).plus(settings.grace());
        Duration timeout = refit ? settings.nodeTimeout() : min(settings.nodeTimeout(), max(left, Duration.ofSeconds(30)));
        events.executionRequested(ExecutionRequested.of(run.runId(), node.nodeId(), CodeRef.python(code), inputDir,
                new Resources(settings.nodeCpus(), settings.nodeMemoryMb(), 0), timeout, refit));
    }

    private void backpropagate(String runId, NodeRecord from, double reward) {
        String id = from.nodeId();
        while (id != null) {
            Optional<NodeRecord> found = store.node(runId, id);
            if (found.isEmpty()) {
                break;
            }
            NodeRecord n = found.get();
            store.saveNode(n.visited(reward));
            id = n.parentId();
        }
    }

    // ------------------------------------------------------------------ end of a run

    public Optional<RunRecord> cancel(String runId) {
        return store.run(runId).map(run -> {
            withRun(runId, r -> {
                if (!r.status().terminal()) {
                    finish(r, RunStatus.CANCELLED, r.bestNodeId(), "cancelled by the user");
                }
            });
            return store.run(runId).orElseThrow();
        });
    }

    private void finish(RunRecord run, RunStatus status, String finalNodeId, String reason) {
        cancelPending(run, "run ended before the node reported");
        store.saveRun(run.finished(status, finalNodeId, reason));
        events.search(RunFinished.of(run.runId(), status.name(), run.bestNodeId(), run.bestScore(),
                store.nodes(run.runId()).size() - 1, reason));
        LOG.infof("run %s %s: best %s = %s%s", run.runId(), status, run.bestNodeId(), run.bestScore(),
                reason == null ? "" : " (" + reason + ")");
    }

    /** Runs whose in-flight nodes outlived the budget: stop waiting for them. */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void enforceDeadlines() {
        Instant now = Instant.now();
        for (String runId : store.runIds(200)) {
            store.run(runId).ifPresent(run -> {
                if (run.deadline() == null || run.status().terminal()) {
                    return;
                }
                Instant cutoff = run.deadline().plus(settings.grace());
                if (run.status() == RunStatus.SEARCHING && now.isAfter(cutoff)) {
                    withRun(runId, this::abandonInFlightAndRefit);
                } else if (run.status() == RunStatus.REFITTING && now.isAfter(cutoff.plus(settings.nodeTimeout()))) {
                    withRun(runId, r -> finish(r, RunStatus.COMPLETED, r.bestNodeId(),
                            "refit did not report in time; the submission is the best node's own"));
                }
            });
        }
    }

    private void abandonInFlightAndRefit(RunRecord run) {
        if (run.status() != RunStatus.SEARCHING) {
            return;
        }
        cancelPending(run, "did not report before the budget ran out");
        startRefit(run);
    }

    private void cancelPending(RunRecord run, String reason) {
        for (NodeRecord n : store.nodes(run.runId())) {
            if (n.status() == NodeStatus.PENDING) {
                store.saveNode(n.scored(NodeStatus.CANCELLED, null, reason, null));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void withRun(String runId, java.util.function.Consumer<RunRecord> action) {
        ReentrantLock lock = locks.computeIfAbsent(runId, id -> new ReentrantLock());
        lock.lock();
        try {
            store.run(runId).ifPresent(action);
        } finally {
            lock.unlock();
        }
    }

    private NodeContext context(String runId, NodeRecord n) {
        return new NodeContext(n.nodeId(), n.operator(), store.code(runId, n.nodeId()).orElse(""),
                store.spec(runId, n.nodeId()).orElse(null), n.plan(), n.score(), n.status() == NodeStatus.BUGGY,
                n.status() == NodeStatus.BUGGY && n.outputTail() == null ? n.reason() : n.outputTail());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A run request a user got wrong; the message names the problem. */
    public static final class InvalidRunException extends RuntimeException {
        public InvalidRunException(String message) {
            super(message);
        }
    }
}

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
import ai.automlgen.events.Outcome;
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
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.CoderRegistry;
import ai.automlgen.planner.coder.ExecutionLimits;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.graph.NodeRecord;
import ai.automlgen.planner.search.Decision;
import ai.automlgen.planner.search.NodeStatus;
import ai.automlgen.planner.search.SearchEngine;
import ai.automlgen.planner.search.SearchNode;
import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RunLeases;
import ai.automlgen.planner.graph.RunRecord;
import ai.automlgen.planner.graph.RunStatus;
import ai.automlgen.planner.knowledge.KnowledgeClient;
import ai.automlgen.planner.messaging.PlannerEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A run's life (DESIGN §3): submit → prepared → expand nodes (coder → Redis → executions) →
 * evaluations (record, reward, backpropagate, best) → more expansions until the budget is spent →
 * refit the best node on all labelled data → finished. Decisions of where to expand, rewards and
 * backpropagation come from the run's {@link SearchEngine}; this class does the I/O around them.
 *
 * <p>Several planner replicas may receive one run's events (DESIGN §5): every handler works on a run holding the
 * run's lock in this planner and then its lease in Redis ({@link RunLeases}), so one thread of one replica at a
 * time reads the run's record, decides and writes it back.
 */
@ApplicationScoped
public class RunService {
    private static final Logger LOG = Logger.getLogger(RunService.class);
    static final String ROOT = "root";
    /** How the plan and reason of a node whose code the coder could not write begin. */
    private static final String CODER_FAILED = "coder failed: ";
    private static final String REFIT_WRITE = "refit";

    private final RedisGraphStore store;
    private final PlannerEvents events;
    private final CoderRegistry coders;
    private final RunSettings settings;
    private final SearchSessions sessions;
    private final KnowledgeClient knowledge;
    private final RunLeases leases;
    private final InstantSource clock;
    /** In front of the run's lease: threads of this planner wait here, not by polling Redis against each other. */
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Runs whose last node could not be created (Kafka or Redis away): no new node before the back-off passed. */
    private final ConcurrentHashMap<String, CreationBackoff> backoffs = new ConcurrentHashMap<>();
    /** Where a slow coder's code is written ({@link Coder#slow()}): not on the threads that handle the runs' events. */
    private final Executor codeWriters;
    /** This planner's code writes in progress: per run, by node id (the refit's under {@link #REFIT_WRITE}). */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, CodeWrite>> writes = new ConcurrentHashMap<>();

    @Inject
    public RunService(RedisGraphStore store, PlannerEvents events, CoderRegistry coders, RunSettings settings,
                      SearchSessions sessions, KnowledgeClient knowledge, RunLeases leases) {
        this(store, events, coders, settings, sessions, knowledge, leases, InstantSource.system(),
                codeWriterPool(settings.codeWriters()));
    }

    RunService(RedisGraphStore store, PlannerEvents events, CoderRegistry coders, RunSettings settings,
               SearchSessions sessions, KnowledgeClient knowledge, RunLeases leases, InstantSource clock,
               Executor codeWriters) {
        this.store = store;
        this.events = events;
        this.coders = coders;
        this.settings = settings;
        this.sessions = sessions;
        this.knowledge = knowledge;
        this.leases = leases;
        this.clock = clock;
        this.codeWriters = codeWriters;
    }

    private static ExecutorService codeWriterPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "code-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Interrupts the code writes in progress: their nodes stay claimed until their runs' deadlines (superviseRuns). */
    @PreDestroy
    void stopCodeWriters() {
        if (codeWriters instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
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
        java.util.Map<String, String> params = request.params() == null ? java.util.Map.of() : request.params();
        params.forEach((key, value) -> {
            if (value == null) {
                throw new InvalidRunException("parameter '" + key + "' has no value: give it one or leave it out");
            }
        });
        try {
            SearchSessions.check(policy, params);
            coders.find(coderName).orElseThrow().check(params);
        } catch (IllegalArgumentException | CoderException e) {
            throw new InvalidRunException(e.getMessage());
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
        if (!config.evaluators().contains(config.rewardEvaluator())) {
            throw new InvalidRunException("rewardEvaluator '" + config.rewardEvaluator() + "' is not among the run's evaluators "
                    + config.evaluators() + ": add it to evaluators or choose one of them");
        }
        String runId = "run-" + UUID.randomUUID().toString().substring(0, 13);
        RunRecord run = new RunRecord(runId, taskDir.toString(), RunStatus.PREPARING, config,
                new Budget(wallClock, maxNodes), clock.instant(), null, null, null, null, null, null, null, null, null, null);
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
                return; // redelivered; a search this handler left stalled half-way is expanded by superviseRuns
            }
            // the root first: once the run is SEARCHING, expansions (here or on a later retry) need its record
            Instant now = clock.instant();
            store.addNode(new NodeRecord(run.runId(), ROOT, 0, null, "root", null, 0, NodeStatus.GOOD, null, 0, 0,
                    "task: " + prepared.task().name(), null, null, null, null, null, now, now), "", null);
            events.search(NodeCreated.of(run.runId(), ROOT, null, "root", null, 0, "task: " + prepared.task().name()));
            RunRecord searching = run.searching(now, prepared.task(), prepared.inputs(), prepared.refitInputs());
            store.saveRun(searching);
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

    /**
     * Keeps what the planner needs from an execution: outcome, output tail (for debug), submission. The reward
     * evaluator's verdict may have come first (it travels on another topic); it waited for this and is applied now.
     */
    public void onExecutionFinished(ExecutionFinished finished) {
        withRun(finished.runId(), run -> store.node(run.runId(), finished.nodeId()).ifPresent(node -> {
            String tail = finished.stderrTail() == null || finished.stderrTail().isBlank()
                    ? finished.stdoutTail() : finished.stderrTail();
            String submission = finished.artifact(ArtifactRef.SUBMISSION).map(ArtifactRef::uri).orElse(null);
            NodeRecord executed = node.executed(finished.outcome().name(), tail, submission);
            store.saveNode(executed);
            if (finished.outcome() == Outcome.EXECUTOR_FAILED && !node.refit() && run.status() == RunStatus.SEARCHING) {
                onExecutorFailure(run, executed, finished.detail());
                return;
            }
            Optional.ofNullable(store.evaluations(run.runId(), node.nodeId()).get(run.config().rewardEvaluator()))
                    .map(json -> EventJson.read(json, EvaluationCompleted.class))
                    .ifPresent(evaluation -> onRewardEvaluation(run, executed, evaluation));
        }));
    }

    /**
     * The executor could not run a node: nothing is wrong with its code, so it is cancelled rather than scored
     * buggy (a debug step would "fix" working code) and the search goes on; several such failures in a row mean
     * the executor cannot run code at all, and the run stops with what it has instead of spending its budget.
     */
    private void onExecutorFailure(RunRecord run, NodeRecord node, String detail) {
        if (node.status().inFlight()) {
            store.saveNode(node.scored(NodeStatus.CANCELLED, null, "executor failed: " + detail, null));
            sessions.open(run).graph().cancel(node.nodeId());
        }
        List<NodeRecord> finished = searchNodes(run.runId()).stream().filter(n -> !n.status().inFlight()).toList();
        int inARow = inARow(finished, n -> Outcome.EXECUTOR_FAILED.name().equals(n.outcome()));
        if (inARow < settings.executorFailuresToStop()) {
            LOG.warnf("run %s: the executor could not run node %s (%s); the search goes on", run.runId(), node.nodeId(), detail);
            expand(run);
            return;
        }
        String reason = "stopped early: the executor failed on the last " + inARow + " nodes (" + detail
                + "); fix the executor (e.g. start the Docker engine, or set AUTOMLGEN_SANDBOX=auto so it falls back to"
                + " the process sandbox) and start the run again";
        if (run.bestNodeId() == null) {
            finish(run, RunStatus.FAILED, null, reason);
        } else {
            finish(run, RunStatus.COMPLETED, run.bestNodeId(), reason + "; the submission is the best node's own");
        }
    }

    public void onEvaluation(EvaluationCompleted evaluation) {
        withRun(evaluation.runId(), run -> {
            Optional<NodeRecord> found = store.node(run.runId(), evaluation.nodeId());
            if (found.isEmpty()) {
                return;
            }
            store.putEvaluation(run.runId(), evaluation.nodeId(), evaluation.evaluatorId(), EventJson.write(evaluation));
            NodeRecord node = found.get();
            if (!evaluation.evaluatorId().equals(run.config().rewardEvaluator())) {
                return; // another evaluator's opinion, kept beside the reward
            }
            // without the execution's outcome, an executor failure would be scored buggy and debugged, and a debug
            // step would miss the traceback: onExecutionFinished applies the stored evaluation when it comes
            if (node.outcome() != null) {
                onRewardEvaluation(run, node, evaluation);
            }
        });
    }

    /** Scores a node (or ends the refit) with the reward evaluator's verdict; a redelivered one changes nothing. */
    private void onRewardEvaluation(RunRecord run, NodeRecord node, EvaluationCompleted evaluation) {
        if (!node.status().inFlight()) {
            return; // a redelivery, or a node cancelled meanwhile
        }
        if (node.refit()) {
            onRefitEvaluated(run, node, evaluation);
        } else {
            onNodeEvaluated(run, node, evaluation);
        }
    }

    private void onNodeEvaluated(RunRecord run, NodeRecord node, EvaluationCompleted evaluation) {
        if (run.status() != RunStatus.SEARCHING) {
            return; // the search is over; the node was cancelled with it
        }
        // opened again from Redis when this planner restarted or another one drove the run so far
        SearchSessions.Session session = sessions.open(run);
        boolean good = evaluation.valid() && evaluation.score() != null && Double.isFinite(evaluation.score());
        RunRecord updated = recordScore(run, session, node, good ? evaluation.score() : null,
                good ? null : evaluation.reason(), evaluation.testGrade());
        expand(updated);
    }

    /**
     * Records a node's score (null: buggy) with the engine and mirrors the outcome into the run's projection. A
     * verdict handed again for a node the graph scored but the projection did not (this handler stopped in between:
     * Redis or Kafka away, the planner stopped) is mirrored then, so the node is not left pending and a new best is
     * not lost; a backpropagation the graph missed that way stays missed.
     */
    private RunRecord recordScore(RunRecord run, SearchSessions.Session session, NodeRecord node, Double score,
                                  String reason, ai.automlgen.events.Grade grade) {
        Optional<SearchEngine.Scored> recorded = session.engine().record(node.nodeId(), score);
        if (recorded.isEmpty()) {
            recorded = session.engine().scoredBefore(node.nodeId()).filter(before -> node.status().inFlight());
            if (recorded.isEmpty()) {
                return run; // redelivered
            }
            LOG.infof("run %s node %s: scored in the search graph but not in the run's records; recording it again",
                    run.runId(), node.nodeId());
        }
        SearchEngine.Scored scored = recorded.get();
        store.saveScored(node.scored(scored.node().status(), score, reason, grade), backpropagated(session, scored.node()));
        PlannerEvents.Sends sends = events.sends().search(NodeScored.of(run.runId(), node.nodeId(),
                scored.node().status().name(), score, scored.reward(), reason));
        LOG.infof("run %s node %s (%s) %s: %s", run.runId(), node.nodeId(), node.operator(),
                score != null ? "scored" : "is buggy", score != null ? score : reason);
        RunRecord updated = run;
        if (scored.newGlobalBest() && !node.nodeId().equals(run.bestNodeId())) {
            sends.search(BestImproved.of(run.runId(), node.nodeId(), score, run.bestNodeId(), run.bestScore()));
            updated = run.withBest(node.nodeId(), score);
            store.saveRun(updated);
        }
        sends.awaitAcks();
        return updated;
    }

    /** The visits and value backpropagation changed: the node and its PARENT ancestors, for the projection. */
    private static List<SearchNode> backpropagated(SearchSessions.Session session, SearchNode from) {
        List<SearchNode> chain = new ArrayList<>();
        for (Optional<SearchNode> node = session.graph().node(from.id()); node.isPresent();
             node = node.get().parentId() == null ? Optional.empty() : session.graph().node(node.get().parentId())) {
            chain.add(node.get());
        }
        return chain;
    }

    private void onRefitEvaluated(RunRecord run, NodeRecord refit, EvaluationCompleted evaluation) {
        store.saveNode(refit.scored(evaluation.valid() ? NodeStatus.GOOD : NodeStatus.BUGGY, null, evaluation.reason(),
                evaluation.testGrade()));
        if (evaluation.valid()) {
            finish(run, RunStatus.COMPLETED, refit.nodeId(), run.reason());
        } else {
            // the refit broke: the best node's own submission (trained without the validation rows) still stands
            finish(run, RunStatus.COMPLETED, run.bestNodeId(), alongside(run, "refit failed (" + evaluation.reason()
                    + "); the submission is the best node's own"));
        }
    }

    // ------------------------------------------------------------------ expansion

    /** Fills the run's free expansion slots from its search policy; starts the refit once the search is over. */
    private void expand(RunRecord run) {
        if (run.status() != RunStatus.SEARCHING) {
            return;
        }
        SearchSessions.Session session = sessions.open(run);
        boolean exhausted = false;
        boolean backingOff = backingOff(run.runId(), clock.instant());
        while (!backingOff && !budgetSpent(run, session) && session.graph().inFlightCount() < run.config().parallelism()) {
            Optional<SearchEngine.Expansion> expansion = session.engine().expand(session.clock());
            if (expansion.isEmpty()) {
                exhausted = true;
                break;
            }
            if (!createNode(run, session, expansion.get())) {
                return; // the search stopped
            }
        }
        if (session.graph().inFlightCount() == 0 && (exhausted || budgetSpent(run, session))) {
            startRefit(store.run(run.runId()).orElse(run), null);
        }
    }

    private boolean budgetSpent(RunRecord run, SearchSessions.Session session) {
        return clock.instant().isAfter(run.deadline()) || session.graph().nodeCount() >= run.budget().maxNodes();
    }

    /**
     * Writes, records and hands to the executor the node the engine just claimed; false when the search stopped (its
     * coder kept failing). A slow coder's code is written off this thread ({@link #writeOffThread}): the node stays
     * claimed meanwhile, holding one of the run's slots.
     */
    private boolean createNode(RunRecord run, SearchSessions.Session session, SearchEngine.Expansion expansion) {
        return cancelledIfItFails(run, session, expansion.node().id(), () -> {
            Coder coder = coders.find(run.config().coder()).orElseThrow();
            CodeRequest request = codeRequest(run, expansion);
            if (!coder.slow()) {
                return addNode(run, session, expansion, write(run, coder, request, expansion));
            }
            SearchNode node = expansion.node();
            writeOffThread(run.runId(), node.id(), () -> write(run, coder, request, expansion),
                    (current, code) -> addWrittenNode(current, expansion, code),
                    (current, reason) -> recordUnwritten(current, node, new CodeResult("", "code not written: " + reason,
                            null), reason));
            return true;
        });
    }

    /**
     * Runs one step of a node's creation; a failure cancels the node: left PENDING, the claim would hold one of the
     * run's slots for good and nothing more would be expanded until the deadline. Cancelled, it gives its place in the
     * node budget back ({@link ai.automlgen.planner.search.GraphView#nodeCount()}), and the run backs off: with Kafka
     * or Redis away, every tick would otherwise create a node only to cancel it.
     */
    private boolean cancelledIfItFails(RunRecord run, SearchSessions.Session session, String nodeId,
                                       java.util.function.BooleanSupplier step) {
        try {
            boolean goesOn = step.getAsBoolean();
            backoffs.remove(run.runId());
            return goesOn;
        } catch (RuntimeException e) {
            CreationBackoff backoff = backoffs.merge(run.runId(), CreationBackoff.first(clock.instant(), settings),
                    (previous, first) -> previous.next(clock.instant(), settings));
            LOG.warnf("run %s: could not create node %s (%s); no new node for %d s", run.runId(), nodeId,
                    e.getMessage(), Duration.between(clock.instant(), backoff.until()).toSeconds());
            try {
                store.node(run.runId(), nodeId).ifPresent(node -> store.saveNode(
                        node.scored(NodeStatus.CANCELLED, null, "the planner could not create it: " + e.getMessage(), null)));
                session.graph().cancel(nodeId);
            } catch (RuntimeException cancelling) {
                e.addSuppressed(cancelling);
            }
            throw e;
        }
    }

    /** What the coder is asked for the node the engine claimed: read from the run's graph while the run is held. */
    private CodeRequest codeRequest(RunRecord run, SearchEngine.Expansion expansion) {
        SearchNode node = expansion.node();
        Decision decision = expansion.decision();
        String runId = run.runId();
        NodeRecord parent = store.node(runId, node.parentId()).orElseThrow();
        return new CodeRequest(decision.operator(), run.task(), run.inputs(),
                parent.nodeId().equals(ROOT) ? null : context(runId, parent), siblings(runId, parent),
                contexts(runId, decision.referenceIds()),
                contexts(runId, decision.trajectoryIds().isEmpty() ? branchPath(runId, parent) : decision.trajectoryIds()),
                knowledge.relevant(decision.operator(), run.task(), parent.outputTail()),
                run.config().seed() * 1_000_003L + Long.parseLong(node.id().substring(1)), run.config().params(),
                new ExecutionLimits(timeLimit(run, false), nodeResources()));
    }

    /** The coder's code for a node; a coder that fails gives a node without code, scored buggy by {@link #addNode}. */
    private static CodeResult write(RunRecord run, Coder coder, CodeRequest request, SearchEngine.Expansion expansion) {
        try {
            return coder.write(request);
        } catch (RuntimeException e) {
            // recorded as a buggy node, so the search sees the failure and moves on
            LOG.warnf(e, "run %s: coder %s failed for %s of %s", run.runId(), coder.name(),
                    expansion.decision().operator().wireName(), expansion.node().parentId());
            return new CodeResult("", CODER_FAILED + e.getMessage(), null, tokensSpent(e));
        }
    }

    private boolean addNode(RunRecord run, SearchSessions.Session session, SearchEngine.Expansion expansion,
                            CodeResult code) {
        SearchNode node = expansion.node();
        String runId = run.runId();
        countTokens(run, node.id(), code);
        NodeRecord record = NodeRecord.pending(runId, node, code.plan());
        store.addNode(record, code.code(), code.spec());
        store.addEdge(runId, node.parentId(), node.id(), "PARENT");
        PlannerEvents.Sends sends = events.sends()
                .search(NodeCreated.of(runId, node.id(), node.parentId(), record.operator(), node.branch(),
                        node.depth(), code.plan()))
                .search(EdgeAdded.of(runId, node.parentId(), node.id(), "PARENT"));
        for (var edge : expansion.decision().extraEdges(node.id())) {
            store.addEdge(runId, edge.from(), edge.to(), edge.type().name());
            sends.search(EdgeAdded.of(runId, edge.from(), edge.to(), edge.type().name()));
        }
        if (code.code().isEmpty()) {
            sends.awaitAcks();
            RunRecord updated = recordScore(run, session, store.node(runId, node.id()).orElseThrow(), null, code.plan(), null);
            return searchGoesOnAfterCoderFailure(updated, code.plan());
        }
        session.graph().markRunning(node.id());
        requestExecution(sends, run, record, code.code(), run.inputs().inputDir(), false);
        sends.awaitAcks();
        return true;
    }

    /** A slow coder's node, written: recorded and run if the run is still searching, and the search goes on. */
    private void addWrittenNode(RunRecord run, SearchEngine.Expansion expansion, CodeResult code) {
        if (run.status() != RunStatus.SEARCHING) {
            countTokens(run, expansion.node().id(), code);
            recordUnwritten(run, expansion.node(), code, "the search ended while its code was being written");
            return;
        }
        SearchSessions.Session session = sessions.open(run);
        if (cancelledIfItFails(run, session, expansion.node().id(), () -> addNode(run, session, expansion, code))) {
            expand(store.run(run.runId()).orElse(run)); // a node without code freed its slot
        }
    }

    /** A claimed node whose code came too late for its run (or never came): recorded cancelled, saying why. */
    private void recordUnwritten(RunRecord run, SearchNode node, CodeResult code, String reason) {
        store.addNode(NodeRecord.pending(run.runId(), node, code.plan()).scored(NodeStatus.CANCELLED, null, reason, null),
                code.code(), code.spec());
        store.addEdge(run.runId(), node.parentId(), node.id(), "PARENT");
        sessions.open(run).graph().cancel(node.id());
        if (run.status().terminal()) {
            sessions.close(run.runId()); // opened for the cancel alone
        }
    }

    /**
     * Writes a slow coder's code on a code-writer thread and then applies it holding the run's lock and lease again.
     * Meanwhile the run's other events are handled; should the run stop waiting ({@link #stopWrites}: it ended, or
     * its budget ran out), {@code stopped} records why, the write is interrupted and its code is dropped.
     */
    private void writeOffThread(String runId, String key, Supplier<CodeResult> write,
                                BiConsumer<RunRecord, CodeResult> apply, BiConsumer<RunRecord, String> stopped) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            CodeResult code = write.get();
            Thread.interrupted(); // a stop that came as the write ended: the Redis calls below must not see it
            ConcurrentHashMap<String, CodeWrite> ofRun = writes.get(runId);
            if (ofRun == null || ofRun.remove(key) == null) {
                return; // stopped: recorded by stopWrites
            }
            applyHoldingTheRun(runId, run -> apply.accept(run, code));
        }, null);
        writes.computeIfAbsent(runId, id -> new ConcurrentHashMap<>()).put(key, new CodeWrite(task, stopped));
        codeWriters.execute(task);
    }

    /** Like a handler: waits for the run while another thread or replica holds it; a failure is logged, not thrown. */
    private void applyHoldingTheRun(String runId, java.util.function.Consumer<RunRecord> apply) {
        while (true) {
            try {
                withRun(runId, apply);
                return;
            } catch (RunBusyException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // shutting down
                }
                LOG.infof("%s; applying the code written for it again", e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %s: the code written for it could not be applied", runId);
                return;
            }
        }
    }

    /** Stops this planner's code writes for the run, each recorded as its {@link CodeWrite#stopped} says. */
    private void stopWrites(RunRecord run, String reason) {
        ConcurrentHashMap<String, CodeWrite> ofRun = writes.remove(run.runId());
        if (ofRun != null) {
            ofRun.values().forEach(write -> {
                write.task().cancel(true);
                write.stopped().accept(run, reason);
            });
        }
    }

    /** A code write in progress, and what to record should the run stop waiting for it. */
    private record CodeWrite(FutureTask<Void> task, BiConsumer<RunRecord, String> stopped) {
    }

    /** A model-backed coder's tokens for one node: logged with the run's running total (kept in the run's Redis hash). */
    private void countTokens(RunRecord run, String nodeId, CodeResult code) {
        if (code.tokens() > 0) {
            long total = store.addCoderTokens(run.runId(), code.tokens());
            LOG.infof("run %s: %s's code took %d model tokens (%d in this run so far)", run.runId(), nodeId, code.tokens(), total);
        }
    }

    /** The model tokens a failed coder spent before it failed (0 when it says none). */
    private static long tokensSpent(RuntimeException coderFailure) {
        return coderFailure instanceof CoderException e ? e.tokens() : 0;
    }

    /**
     * A coder that fails node after node (a bug, a task it cannot handle) would spend the whole node budget in
     * milliseconds on buggy nodes; several failures in a row stop the search, the reason naming the coder's error.
     */
    private boolean searchGoesOnAfterCoderFailure(RunRecord run, String failure) {
        int inARow = inARow(searchNodes(run.runId()), n -> n.status() == NodeStatus.BUGGY && n.outcome() == null
                && n.reason() != null && n.reason().startsWith(CODER_FAILED));
        if (inARow < settings.coderFailuresToStop()) {
            return true;
        }
        String reason = "stopped early: the " + run.config().coder() + " coder failed on the last " + inARow
                + " nodes (" + failure + "); fix the coder's problem or start the run again with another --coder";
        if (run.bestNodeId() == null) {
            finish(run, RunStatus.FAILED, null, reason);
        } else {
            startRefit(run, reason);
        }
        return false;
    }

    /** The run's nodes below the root, refit aside, in creation order. */
    private List<NodeRecord> searchNodes(String runId) {
        return store.nodes(runId).stream().filter(n -> !n.nodeId().equals(ROOT) && !n.refit()).toList();
    }

    /** How many of the last nodes, counting back from the newest, fail {@code failed}. */
    private static int inARow(List<NodeRecord> nodes, java.util.function.Predicate<NodeRecord> failed) {
        int count = 0;
        for (int i = nodes.size() - 1; i >= 0 && failed.test(nodes.get(i)); i--) {
            count++;
        }
        return count;
    }

    /** Every draft of the run and, below the root, the parent's other children: what a new node should differ from. */
    private List<NodeContext> siblings(String runId, NodeRecord parent) {
        boolean belowRoot = !parent.nodeId().equals(ROOT);
        return store.nodes(runId).stream()
                .filter(n -> "draft".equals(n.operator()) || belowRoot && parent.nodeId().equals(n.parentId()))
                .map(n -> context(runId, n)).toList();
    }

    /**
     * The ids from the branch's first node down to {@code parent}, oldest first: what an improvement reads to tell which
     * of its branch's steps helped (an evolution's decision names the same path, drawing TRAJECTORY edges to it).
     */
    private List<String> branchPath(String runId, NodeRecord parent) {
        List<String> path = new ArrayList<>();
        for (NodeRecord step = parent; step != null && !step.nodeId().equals(ROOT);
             step = store.node(runId, step.parentId()).orElse(null)) {
            path.add(step.nodeId());
        }
        Collections.reverse(path);
        return path;
    }

    private List<NodeContext> contexts(String runId, List<String> nodeIds) {
        return nodeIds.stream().flatMap(id -> store.node(runId, id).stream()).map(n -> context(runId, n)).toList();
    }

    /**
     * Refits the best node on all labelled data; {@code reason}, when the search stopped early, says why. A slow
     * coder's refit is written off this thread; should it not come, superviseRuns ends the run with the best node's
     * own submission once the refit's time is up.
     */
    private void startRefit(RunRecord run, String reason) {
        if (run.bestNodeId() == null) {
            finish(run, RunStatus.FAILED, null, "no node produced a valid pipeline within the budget");
            return;
        }
        NodeRecord best = store.node(run.runId(), run.bestNodeId()).orElseThrow();
        RunRecord refitting = run.refitting(reason);
        store.saveRun(refitting);
        Coder coder = coders.find(run.config().coder()).orElseThrow();
        if (!coder.slow()) {
            requestRefit(refitting, best, refitCode(refitting, coder, best));
            return;
        }
        writeOffThread(run.runId(), REFIT_WRITE, () -> refitCode(refitting, coder, best), (current, code) -> {
            if (current.status() == RunStatus.REFITTING) {
                requestRefit(current, best, code);
            }
        }, (current, why) -> { });
    }

    private void requestRefit(RunRecord run, NodeRecord best, CodeResult code) {
        long seq = store.nextSequence(run.runId());
        String nodeId = "n" + seq;
        countTokens(run, nodeId, code);
        NodeRecord refit = new NodeRecord(run.runId(), nodeId, seq, best.nodeId(), Operator.REFIT.wireName(),
                best.branch(), best.depth() + 1, NodeStatus.PENDING, null, 0, 0, code.plan(), null, null, null, null,
                null, clock.instant(), null);
        store.addNode(refit, code.code(), code.spec());
        store.addEdge(run.runId(), best.nodeId(), nodeId, "PARENT");
        PlannerEvents.Sends sends = events.sends()
                .search(NodeCreated.of(run.runId(), nodeId, best.nodeId(), refit.operator(), best.branch(), refit.depth(), refit.plan()))
                .search(EdgeAdded.of(run.runId(), best.nodeId(), nodeId, "PARENT"));
        requestExecution(sends, run, refit, code.code(), run.refitInputs().inputDir(), true);
        sends.awaitAcks();
    }

    /** The coder's refit of the best node, asked with the refit's inputs; where the coder has none, the best node's own code. */
    private CodeResult refitCode(RunRecord run, Coder coder, NodeRecord best) {
        try {
            return coder.write(new CodeRequest(Operator.REFIT, run.task(), run.refitInputs(), context(run.runId(), best),
                    List.of(), List.of(), List.of(), List.of(), run.config().seed(), run.config().params(),
                    new ExecutionLimits(timeLimit(run, true), nodeResources())));
        } catch (RuntimeException e) {
            LOG.infof("run %s: the %s coder has no refit of %s (%s); refitting its own code", run.runId(),
                    coder.name(), best.nodeId(), e.getMessage());
            return new CodeResult(store.code(run.runId(), best.nodeId()).orElseThrow(),
                    "refit " + best.nodeId() + " on all labelled data", store.spec(run.runId(), best.nodeId()).orElse(null),
                    tokensSpent(e));
        }
    }

    private void requestExecution(PlannerEvents.Sends sends, RunRecord run, NodeRecord node, String code, String inputDir,
                                  boolean refit) {
        sends.executionRequested(ExecutionRequested.of(run.runId(), node.nodeId(), CodeRef.python(code), inputDir,
                nodeResources(), timeLimit(run, refit), refit));
    }

    /** A node's execution timeout: the node timeout, and for a search node no later than the run's deadline and grace. */
    private Duration timeLimit(RunRecord run, boolean refit) {
        Duration left = Duration.between(clock.instant(), run.deadline()).plus(settings.grace());
        return refit ? settings.nodeTimeout() : min(settings.nodeTimeout(), max(left, Duration.ofSeconds(30)));
    }

    private Resources nodeResources() {
        return new Resources(settings.nodeCpus(), settings.nodeMemoryMb(), 0);
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

    /**
     * Deletes a finished run's keys; empty when there is no such run. Under the run's lock, so no handler of its
     * events writes the keys back; a live run has handlers to come and must be cancelled first.
     */
    public Optional<Long> delete(String runId) {
        return locked(runId, () -> store.run(runId).map(run -> {
            if (!run.status().terminal()) {
                throw new RunNotFinishedException("run " + runId + " is " + run.status() + ": cancel it first (POST /runs/"
                        + runId + "/cancel, or automlgen cancel " + runId + "), then delete it");
            }
            return store.deleteRun(runId);
        }));
    }

    private void finish(RunRecord run, RunStatus status, String finalNodeId, String reason) {
        cancelPending(run, "run ended before the node reported");
        sessions.close(run.runId());
        backoffs.remove(run.runId());
        store.saveRun(run.finished(status, finalNodeId, reason));
        events.search(RunFinished.of(run.runId(), status.name(), run.bestNodeId(), run.bestScore(),
                store.nodes(run.runId()).size() - 1, reason));
        LOG.infof("run %s %s: best %s = %s%s", run.runId(), status, run.bestNodeId(), run.bestScore(),
                reason == null ? "" : " (" + reason + ")");
    }

    /**
     * Every 5 seconds, on every replica: runs whose in-flight nodes outlived the budget stop waiting for them, a
     * refit that did not report in time ends the run, and searching runs with a free slot are expanded, the one
     * recovery of a run that a failed handler (Redis or Kafka away) left with nothing in flight and no event to come.
     * A run another thread or replica is working on is left to the next tick.
     */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void superviseRuns() {
        for (String runId : store.runIds(200)) {
            try {
                // a look without the lease first: most runs need nothing, and ended ones never do
                if (store.run(runId).filter(run -> supervisionDue(run, clock.instant())).isPresent()) {
                    ifFree(runId, this::supervise);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "run %s: supervising it failed; trying again on the next tick", runId);
            }
        }
    }

    private boolean supervisionDue(RunRecord run, Instant now) {
        if (run.deadline() == null) {
            return false;
        }
        Instant cutoff = run.deadline().plus(settings.grace());
        if (run.status() == RunStatus.SEARCHING) {
            return now.isAfter(cutoff) || !backingOff(run.runId(), now)
                    && sessions.open(run).graph().inFlightCount() < run.config().parallelism();
        }
        return run.status() == RunStatus.REFITTING && now.isAfter(cutoff.plus(settings.nodeTimeout()));
    }

    /** What {@link #superviseRuns} does to a run, decided again on the run as it is under its lease. */
    private void supervise(RunRecord run) {
        Instant now = clock.instant();
        if (!supervisionDue(run, now)) {
            return; // a handler got there first
        }
        if (run.status() == RunStatus.REFITTING) {
            finish(run, RunStatus.COMPLETED, run.bestNodeId(),
                    alongside(run, "refit did not report in time; the submission is the best node's own"));
        } else if (now.isAfter(run.deadline().plus(settings.grace()))) {
            abandonInFlightAndRefit(run);
        } else {
            expand(run);
        }
    }

    private boolean backingOff(String runId, Instant now) {
        CreationBackoff backoff = backoffs.get(runId);
        return backoff != null && now.isBefore(backoff.until());
    }

    private void abandonInFlightAndRefit(RunRecord run) {
        if (run.status() != RunStatus.SEARCHING) {
            return;
        }
        cancelPending(run, "did not report before the budget ran out");
        startRefit(run, null);
    }

    private void cancelPending(RunRecord run, String reason) {
        stopWrites(run, reason);
        Optional<SearchSessions.Session> session = run.task() == null ? Optional.empty()
                : Optional.of(sessions.open(run));
        for (NodeRecord n : store.nodes(run.runId())) {
            if (n.status().inFlight()) {
                store.saveNode(n.scored(NodeStatus.CANCELLED, null, reason, null));
                session.ifPresent(s -> s.graph().cancel(n.nodeId()));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void withRun(String runId, java.util.function.Consumer<RunRecord> action) {
        locked(runId, () -> {
            store.run(runId).ifPresent(action);
            return null;
        });
    }

    /**
     * Runs {@code action} holding the run's lock in this planner, then its lease: one event of a run at a time
     * across the planners. Waits for the lease up to {@code automlgen.lease.wait}, then throws
     * {@link RunBusyException}.
     */
    private <T> T locked(String runId, java.util.function.Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(runId, id -> new ReentrantLock());
        lock.lock();
        try (RunLeases.Lease lease = leases.acquire(runId).orElseThrow(() -> new RunBusyException(runId))) {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} on the run if neither a thread of this planner nor another planner is working on it. */
    private void ifFree(String runId, java.util.function.Consumer<RunRecord> action) {
        ReentrantLock lock = locks.computeIfAbsent(runId, id -> new ReentrantLock());
        if (!lock.tryLock()) {
            return;
        }
        try {
            Optional<RunLeases.Lease> lease = leases.tryAcquire(runId);
            if (lease.isEmpty()) {
                return;
            }
            try (RunLeases.Lease held = lease.get()) {
                store.run(runId).ifPresent(action);
            }
        } finally {
            lock.unlock();
        }
    }

    private NodeContext context(String runId, NodeRecord n) {
        boolean buggy = n.status() == NodeStatus.BUGGY;
        return new NodeContext(n.nodeId(), n.operator(), store.code(runId, n.nodeId()).orElse(""),
                store.spec(runId, n.nodeId()).orElse(null), n.plan(), n.score(), buggy, buggy ? failure(n) : n.outputTail());
    }

    /**
     * What a debug step reads of a buggy node: why it failed, then its output. The reason alone names what the log
     * cannot (a process killed at its memory limit or timeout prints no traceback).
     */
    private static String failure(NodeRecord n) {
        if (n.reason() == null || n.outputTail() == null) {
            return n.reason() == null ? n.outputTail() : n.reason();
        }
        return n.reason() + "\n" + n.outputTail();
    }

    /** What ended the run, after why its search stopped early where it did. */
    private static String alongside(RunRecord run, String reason) {
        return run.reason() == null ? reason : run.reason() + "; " + reason;
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

    /**
     * When a run's last node could not be created, and how many creations failed in a row: the back-off starts at
     * {@code automlgen.run.creation-backoff} and doubles with each failure up to {@code creation-backoff-max}.
     */
    record CreationBackoff(int failures, Instant until) {
        static CreationBackoff first(Instant now, RunSettings settings) {
            return new CreationBackoff(1, now.plus(min(settings.creationBackoff(), settings.creationBackoffMax())));
        }

        CreationBackoff next(Instant now, RunSettings settings) {
            Duration pause = settings.creationBackoff().multipliedBy(1L << Math.min(failures, 20));
            return new CreationBackoff(failures + 1, now.plus(min(pause, settings.creationBackoffMax())));
        }
    }

    /**
     * Another planner replica held the run's lease for the whole wait: it is working on the run (a slow coder,
     * perhaps). The event was not handled; handle it again.
     */
    public static final class RunBusyException extends RuntimeException {
        RunBusyException(String runId) {
            super("run " + runId + " is being worked on by another planner (its lease in Redis is held)");
        }
    }

    /** A request that needs a finished run got a live one; the message says how to end it. */
    public static final class RunNotFinishedException extends RuntimeException {
        public RunNotFinishedException(String message) {
            super(message);
        }
    }

    /** A run request a user got wrong; the message names the problem. */
    public static final class InvalidRunException extends RuntimeException {
        public InvalidRunException(String message) {
            super(message);
        }
    }
}

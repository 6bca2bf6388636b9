package ai.automlgen.planner.run;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.RunEvent;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.events.TaskPrepared;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.Coder;
import ai.automlgen.planner.coder.CoderRegistry;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.graph.NodeRecord;
import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RunLeases;
import ai.automlgen.planner.graph.RunRecord;
import ai.automlgen.planner.knowledge.KnowledgeClient;
import ai.automlgen.planner.messaging.PlannerEvents;
import ai.automlgen.planner.search.InMemorySearchGraph;
import ai.automlgen.planner.search.Objective;
import ai.automlgen.planner.search.SearchClock;
import ai.automlgen.planner.search.SearchConstants;
import ai.automlgen.planner.search.SearchEngine;
import ai.automlgen.planner.search.SearchNode;
import ai.automlgen.planner.search.policy.SearchPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.inject.Instance;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@link RunService} on in-memory stand-ins for Redis, Kafka, the knowledge service and the coders, so a run's
 * event handling can be driven event by event without containers. The stand-ins record what was sent and can be
 * told to fail, as a broker or Redis that went away would.
 */
final class RunServiceFixture {
    static final String CODER = "scripted";

    final MemoryStore store = new MemoryStore();
    final MemoryEmitter tasks = new MemoryEmitter();
    final MemoryEmitter executions = new MemoryEmitter();
    final MemoryEmitter searchEvents = new MemoryEmitter();
    final MemorySessions sessions = new MemorySessions(store);
    final ScriptedCoder coder = new ScriptedCoder();
    final MemoryLeases leases = new MemoryLeases();
    final SettableClock clock = new SettableClock();
    final QueuedWrites codeWriters = new QueuedWrites();
    final RunService service;

    RunServiceFixture(int coderFailuresToStop) {
        PlannerEvents events = new PlannerEvents(tasks.proxy(), executions.proxy(), searchEvents.proxy());
        service = new RunService(store, events, registry(coder), settings(coderFailuresToStop), sessions,
                new NoKnowledge(), leases, clock, codeWriters);
    }

    /** A binary tabular task prepared under {@code runDir}, as the evaluator would announce it. */
    static TaskPrepared prepared(String runId, Path runDir) {
        TaskInfo task = new TaskInfo("t", "tabular", "binary", "roc_auc", false, "id", List.of("y"), List.of("y"),
                Map.of(), "", null);
        PreparedInputs inputs = new PreparedInputs(runDir.resolve("input").toString(),
                Map.of("train", "train.csv", "valid", "valid.csv", "test", "test.csv"), 10, 5, 5);
        PreparedInputs refitInputs = new PreparedInputs(runDir.resolve("full").toString(),
                Map.of("train", "train.csv", "test", "test.csv"), 15, 0, 5);
        return TaskPrepared.of(runId, task, inputs, refitInputs);
    }

    List<ExecutionRequested> executionRequests() {
        return executions.sent.stream().map(json -> EventJson.read(json, ExecutionRequested.class)).toList();
    }

    <T extends RunEvent> List<T> searchEvents(Class<T> type) {
        return searchEvents.sent.stream().map(json -> EventJson.read(json, RunEvent.class))
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static CoderRegistry registry(Coder coder) {
        @SuppressWarnings("unchecked")
        Instance<Coder> coders = (Instance<Coder>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[]{Instance.class}, (proxy, method, args) -> {
                    if (method.getName().equals("stream")) {
                        return Stream.of(coder);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new CoderRegistry(coders);
    }

    private static RunSettings settings(int coderFailuresToStop) {
        return new RunSettings() {
            public Duration defaultBudget() { return Duration.ofMinutes(10); }
            public int defaultMaxNodes() { return 40; }
            public String defaultPolicy() { return "greedy"; }
            public String defaultCoder() { return CODER; }
            public int defaultParallelism() { return 1; }
            public Duration nodeTimeout() { return Duration.ofMinutes(15); }
            public int nodeCpus() { return 2; }
            public long nodeMemoryMb() { return 1024; }
            public Duration grace() { return Duration.ofMinutes(2); }
            public int executorFailuresToStop() { return 3; }
            public int coderFailuresToStop() { return coderFailuresToStop; }
            public Duration creationBackoff() { return Duration.ofSeconds(5); }
            public Duration creationBackoffMax() { return Duration.ofSeconds(60); }
            public int codeWriters() { return 1; }
        };
    }

    /**
     * Writes a one-line script for every request unless told otherwise; keeps every request. Made {@code slow}, the
     * planner hands its writes to {@link #codeWriters}, and {@code leaseHeldWhileWriting} tells whether a write ran
     * while the run's lease was held.
     */
    final class ScriptedCoder implements Coder {
        final List<CodeRequest> requests = new ArrayList<>();
        boolean slow;
        boolean leaseHeldWhileWriting;
        Function<CodeRequest, CodeResult> answer = request -> new CodeResult("print('" + request.operator().wireName()
                + "')", request.operator().wireName(), null);

        @Override
        public String name() {
            return CODER;
        }

        @Override
        public boolean slow() {
            return slow;
        }

        @Override
        public CodeResult write(CodeRequest request) {
            leaseHeldWhileWriting |= leases.held.get() > 0;
            requests.add(request);
            return answer.apply(request);
        }

        Optional<CodeRequest> last(Operator operator) {
            return requests.stream().filter(r -> r.operator() == operator).reduce((first, second) -> second);
        }
    }

    /** A Kafka channel that keeps what was sent; {@code failures} sends are refused first, as by a broker that is down. */
    static final class MemoryEmitter {
        final List<String> sent = new ArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        @SuppressWarnings("unchecked")
        MutinyEmitter<Record<String, String>> proxy() {
            return (MutinyEmitter<Record<String, String>>) Proxy.newProxyInstance(MutinyEmitter.class.getClassLoader(),
                    new Class<?>[]{MutinyEmitter.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("send") || args.length != 1) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            return Uni.createFrom().failure(new IllegalStateException("broker unreachable"));
                        }
                        sent.add(((Record<String, String>) args[0]).value());
                        return Uni.createFrom().voidItem();
                    });
        }
    }

    /**
     * Run leases of one planner; {@code refusals} takes first fail, as while another planner holds the run. Threads of
     * this planner need none of their own: the service's lock in front of the lease keeps them apart.
     */
    static final class MemoryLeases implements RunLeases {
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger held = new AtomicInteger();

        @Override
        public Optional<Lease> acquire(String runId) {
            return tryAcquire(runId);
        }

        @Override
        public Optional<Lease> tryAcquire(String runId) {
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.empty();
            }
            held.incrementAndGet();
            return Optional.of(held::decrementAndGet);
        }
    }

    /** The planner's code-writer threads, run when a test says so: what happens while a slow coder writes. */
    static final class QueuedWrites implements java.util.concurrent.Executor {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable write) {
            queued.add(write);
        }

        /** Runs the writes queued so far (not those they queue in turn); how many there were. */
        int runQueued() {
            List<Runnable> now = List.copyOf(queued);
            queued.clear();
            now.forEach(Runnable::run);
            return now.size();
        }
    }

    /** The planner's clock, at the real time until a test moves it on. */
    static final class SettableClock implements InstantSource {
        private volatile Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    /** Each run's search graph in memory; {@code failures} opens fail first, as with Redis away. */
    static final class MemorySessions extends SearchSessions {
        private final RedisGraphStore store;
        private final Map<String, Session> open = new ConcurrentHashMap<>();
        final Map<String, InMemorySearchGraph> graphs = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();

        MemorySessions(RedisGraphStore store) {
            super(store, null);
            this.store = store;
        }

        @Override
        Session open(RunRecord run) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("Redis is away");
            }
            return open.computeIfAbsent(run.runId(), id -> {
                SearchConstants constants = SearchConstants.from(run.config().params());
                InMemorySearchGraph graph = graphs.computeIfAbsent(id, g -> new InMemorySearchGraph(
                        Objective.of(run.task().lowerIsBetter()), run.searchStartedAt().toEpochMilli()));
                SearchEngine engine = new SearchEngine(graph, SearchPolicy.named(run.config().policy(), constants,
                        run.config().seed()), constants, () -> "n" + store.nextSequence(id), System::currentTimeMillis);
                return new Session(engine, graph, SearchClock.of(InstantSource.system(), run.searchStartedAt(),
                        run.budget(), graph::nodeCount));
            });
        }

        @Override
        void close(String runId) {
            open.remove(runId);
        }
    }

    /** The run projection in memory. */
    static final class MemoryStore extends RedisGraphStore {
        private final Map<String, RunRecord> runs = new ConcurrentHashMap<>();
        private final Map<String, NodeRecord> nodes = new ConcurrentHashMap<>();
        private final Map<String, String> texts = new ConcurrentHashMap<>();
        private final Map<String, List<GraphEdge>> edges = new ConcurrentHashMap<>();
        private final Map<String, Map<String, String>> evaluations = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> sequences = new ConcurrentHashMap<>();
        private final Map<String, Long> coderTokens = new ConcurrentHashMap<>();
        /** Scores to refuse first, as Redis would while away. */
        final AtomicInteger scoredFailures = new AtomicInteger();

        MemoryStore() {
            super(null);
        }

        @Override
        public boolean createRun(RunRecord run) {
            return runs.putIfAbsent(run.runId(), run) == null;
        }

        @Override
        public Optional<RunRecord> run(String runId) {
            return Optional.ofNullable(runs.get(runId));
        }

        @Override
        public void saveRun(RunRecord run) {
            runs.put(run.runId(), run);
        }

        @Override
        public long addCoderTokens(String runId, long tokens) {
            return coderTokens.merge(runId, tokens, Long::sum);
        }

        @Override
        public long coderTokens(String runId) {
            return coderTokens.getOrDefault(runId, 0L);
        }

        @Override
        public List<String> runIds(int limit) {
            return runs.keySet().stream().limit(limit).toList();
        }

        @Override
        public long deleteRun(String runId) {
            String prefix = runId + "/";
            long deleted = (runs.remove(runId) == null ? 0 : 1) + nodes.keySet().stream().filter(k -> k.startsWith(prefix)).count();
            nodes.keySet().removeIf(k -> k.startsWith(prefix));
            texts.keySet().removeIf(k -> k.startsWith(prefix));
            evaluations.keySet().removeIf(k -> k.startsWith(prefix));
            edges.remove(runId);
            return deleted;
        }

        @Override
        public long nextSequence(String runId) {
            return sequences.computeIfAbsent(runId, id -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void addNode(NodeRecord node, String code, String spec) {
            nodes.put(key(node.runId(), node.nodeId()), node);
            texts.put(key(node.runId(), node.nodeId()) + "/code", code);
            if (spec != null) {
                texts.put(key(node.runId(), node.nodeId()) + "/spec", spec);
            }
        }

        @Override
        public void saveScored(NodeRecord node, List<SearchNode> backpropagated) {
            if (scoredFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("Redis unreachable");
            }
            saveNode(node);
        }

        @Override
        public void saveNode(NodeRecord node) {
            nodes.put(key(node.runId(), node.nodeId()), node);
        }

        @Override
        public Optional<NodeRecord> node(String runId, String nodeId) {
            return Optional.ofNullable(nodes.get(key(runId, nodeId)));
        }

        @Override
        public List<NodeRecord> nodes(String runId) {
            return nodes.values().stream().filter(n -> n.runId().equals(runId))
                    .sorted(Comparator.comparingLong(NodeRecord::seq)).toList();
        }

        @Override
        public Optional<String> code(String runId, String nodeId) {
            return Optional.ofNullable(texts.get(key(runId, nodeId) + "/code"));
        }

        @Override
        public Optional<String> spec(String runId, String nodeId) {
            return Optional.ofNullable(texts.get(key(runId, nodeId) + "/spec"));
        }

        @Override
        public void addEdge(String runId, String from, String to, String type) {
            edges.computeIfAbsent(runId, id -> new ArrayList<>()).add(new GraphEdge(from, to, type));
        }

        @Override
        public List<GraphEdge> edges(String runId) {
            return List.copyOf(edges.getOrDefault(runId, List.of()));
        }

        @Override
        public void putEvaluation(String runId, String nodeId, String evaluatorId, String json) {
            evaluations.computeIfAbsent(key(runId, nodeId), k -> new HashMap<>()).put(evaluatorId, json);
        }

        @Override
        public Map<String, String> evaluations(String runId, String nodeId) {
            return Map.copyOf(evaluations.getOrDefault(key(runId, nodeId), Map.of()));
        }

        private static String key(String runId, String nodeId) {
            return runId + "/" + nodeId;
        }
    }

    /** The knowledge service, down: a run goes on without it. */
    private static final class NoKnowledge extends KnowledgeClient {
        NoKnowledge() {
            super("http://127.0.0.1:9", Duration.ofSeconds(1));
        }

        @Override
        public List<String> relevant(Operator operator, TaskInfo task, String traceback) {
            return List.of();
        }
    }
}

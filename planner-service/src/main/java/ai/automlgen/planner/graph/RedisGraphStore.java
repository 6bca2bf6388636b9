package ai.automlgen.planner.graph;

import ai.automlgen.events.Budget;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.Grade;
import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.RunConfig;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.search.NodeStatus;
import ai.automlgen.planner.search.SearchNode;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs, nodes, code and typed edges of every run's search graph, in Redis (DESIGN §5). A projection
 * of the topics: nothing here is the only copy of anything a replay of {@code search-events} could
 * not rebuild. Scalars live in hashes; nested values are stored as JSON.
 */
@ApplicationScoped
public class RedisGraphStore {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RedisConnection redis;

    public RedisGraphStore(RedisConnection redis) {
        this.redis = redis;
    }

    private RedisCommands<String, String> cmd() {
        return redis.commands();
    }

    // ------------------------------------------------------------------ runs

    /** Creates the run; false when it already exists (a redelivered submission). */
    public boolean createRun(RunRecord run) {
        Map<String, String> fields = runFields(run);
        boolean created = cmd().hsetnx(Keys.run(run.runId()), "runId", run.runId());
        if (created) {
            cmd().hset(Keys.run(run.runId()), fields);
            cmd().zadd(Keys.RUNS, run.createdAt().toEpochMilli(), run.runId());
        }
        return created;
    }

    public Optional<RunRecord> run(String runId) {
        Map<String, String> h = cmd().hgetall(Keys.run(runId));
        return h.isEmpty() ? Optional.empty() : Optional.of(toRun(h));
    }

    public void saveRun(RunRecord run) {
        cmd().hset(Keys.run(run.runId()), runFields(run));
    }

    /** Adds model tokens the run's coder spent (field {@code coderTokens} of the run's hash); returns the run's total. */
    public long addCoderTokens(String runId, long tokens) {
        return cmd().hincrby(Keys.run(runId), "coderTokens", tokens);
    }

    /** The model tokens the run's coder spent so far (0 for coders that call no model). */
    public long coderTokens(String runId) {
        String tokens = cmd().hget(Keys.run(runId), "coderTokens");
        return tokens == null ? 0 : Long.parseLong(tokens);
    }

    /** Run ids, newest first. */
    public List<String> runIds(int limit) {
        return cmd().zrevrange(Keys.RUNS, 0, limit - 1L);
    }

    /** Deletes every key of the run; returns how many keys went. */
    public long deleteRun(String runId) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = cmd().scan(cursor, ScanArgs.Builder.matches(Keys.runPattern(runId)).limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        keys.add(Keys.run(runId));
        long deleted = cmd().del(keys.toArray(String[]::new));
        cmd().zrem(Keys.RUNS, runId);
        return deleted;
    }

    // ------------------------------------------------------------------ nodes

    /** Next node sequence number of a run (1, 2, …). */
    public long nextSequence(String runId) {
        return cmd().incr(Keys.sequence(runId));
    }

    public void addNode(NodeRecord node, String code, String spec) {
        cmd().hset(Keys.node(node.runId(), node.nodeId()), nodeFields(node));
        cmd().set(Keys.code(node.runId(), node.nodeId()), code);
        if (spec != null) {
            cmd().set(Keys.spec(node.runId(), node.nodeId()), spec);
        }
        cmd().zadd(Keys.nodes(node.runId()), node.seq(), node.nodeId());
    }

    /**
     * A scored node and the MCGS statistics backpropagation left on it and its ancestors, written in
     * one pipelined round trip (the scored node's statistics win over its record's).
     */
    public void saveScored(NodeRecord node, List<SearchNode> backpropagated) {
        RedisAsyncCommands<String, String> async = redis.async();
        List<RedisFuture<?>> writes = new ArrayList<>();
        writes.add(async.hset(Keys.node(node.runId(), node.nodeId()), nodeFields(node)));
        for (SearchNode n : backpropagated) {
            writes.add(async.hset(Keys.node(node.runId(), n.id()),
                    Map.of("visits", Integer.toString(n.visits()), "value", Double.toString(n.value()))));
        }
        await(writes, "node " + node.nodeId() + "'s score");
    }

    public void saveNode(NodeRecord node) {
        cmd().hset(Keys.node(node.runId(), node.nodeId()), nodeFields(node));
    }

    public Optional<NodeRecord> node(String runId, String nodeId) {
        Map<String, String> h = cmd().hgetall(Keys.node(runId, nodeId));
        return h.isEmpty() ? Optional.empty() : Optional.of(toNode(runId, h));
    }

    /** Every node of the run in creation order, read in one pipelined round trip after the index. */
    public List<NodeRecord> nodes(String runId) {
        RedisAsyncCommands<String, String> async = redis.async();
        List<RedisFuture<Map<String, String>>> reads = cmd().zrange(Keys.nodes(runId), 0, -1).stream()
                .map(id -> async.hgetall(Keys.node(runId, id))).toList();
        await(reads, "the nodes of run " + runId);
        List<NodeRecord> nodes = new ArrayList<>();
        for (RedisFuture<Map<String, String>> read : reads) {
            Map<String, String> h = read.toCompletableFuture().join();
            if (!h.isEmpty()) {
                nodes.add(toNode(runId, h));
            }
        }
        return nodes;
    }

    private void await(List<? extends RedisFuture<?>> commands, String what) {
        if (!LettuceFutures.awaitAll(TIMEOUT, commands.toArray(RedisFuture[]::new))) {
            throw new IllegalStateException("Redis did not answer for " + what + " within " + TIMEOUT.toSeconds()
                    + " s (" + redis.uri() + ")");
        }
    }

    public Optional<String> code(String runId, String nodeId) {
        return Optional.ofNullable(cmd().get(Keys.code(runId, nodeId)));
    }

    public Optional<String> spec(String runId, String nodeId) {
        return Optional.ofNullable(cmd().get(Keys.spec(runId, nodeId)));
    }

    public void addEdge(String runId, String from, String to, String type) {
        cmd().rpush(Keys.edges(runId), from + "|" + to + "|" + type);
    }

    public List<GraphEdge> edges(String runId) {
        return cmd().lrange(Keys.edges(runId), 0, -1).stream().map(GraphEdge::parse).toList();
    }

    /** Keeps every evaluator's verdict on a node (the reward comes from one of them). */
    public void putEvaluation(String runId, String nodeId, String evaluatorId, String json) {
        cmd().hset(Keys.evaluations(runId, nodeId), evaluatorId, json);
    }

    public Map<String, String> evaluations(String runId, String nodeId) {
        return cmd().hgetall(Keys.evaluations(runId, nodeId));
    }

    /** A typed edge of the search graph. */
    public record GraphEdge(String from, String to, String type) {
        static GraphEdge parse(String stored) {
            String[] parts = stored.split("\\|", 3);
            return new GraphEdge(parts[0], parts[1], parts[2]);
        }
    }

    // ------------------------------------------------------------------ mapping

    private static Map<String, String> runFields(RunRecord r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("runId", r.runId());
        put(m, "taskDir", r.taskDir());
        m.put("status", r.status().name());
        put(m, "config", json(r.config()));
        put(m, "budget", json(r.budget()));
        put(m, "createdAt", r.createdAt());
        put(m, "searchStartedAt", r.searchStartedAt());
        put(m, "deadline", r.deadline());
        put(m, "task", json(r.task()));
        put(m, "inputs", json(r.inputs()));
        put(m, "refitInputs", json(r.refitInputs()));
        put(m, "bestNodeId", r.bestNodeId());
        put(m, "bestScore", r.bestScore());
        put(m, "finalNodeId", r.finalNodeId());
        put(m, "reason", r.reason());
        put(m, "finishedAt", r.finishedAt());
        return m;
    }

    private static RunRecord toRun(Map<String, String> h) {
        return new RunRecord(h.get("runId"), str(h, "taskDir"), RunStatus.valueOf(h.get("status")),
                fromJson(h, "config", RunConfig.class), fromJson(h, "budget", Budget.class),
                instant(h, "createdAt"), instant(h, "searchStartedAt"), instant(h, "deadline"),
                fromJson(h, "task", TaskInfo.class), fromJson(h, "inputs", PreparedInputs.class),
                fromJson(h, "refitInputs", PreparedInputs.class),
                str(h, "bestNodeId"), dbl(h, "bestScore"), str(h, "finalNodeId"), str(h, "reason"),
                instant(h, "finishedAt"));
    }

    private static Map<String, String> nodeFields(NodeRecord n) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nodeId", n.nodeId());
        m.put("seq", Long.toString(n.seq()));
        put(m, "parentId", n.parentId());
        m.put("operator", n.operator());
        put(m, "branch", n.branch());
        m.put("depth", Integer.toString(n.depth()));
        m.put("status", n.status().name());
        put(m, "score", n.score());
        m.put("visits", Integer.toString(n.visits()));
        m.put("value", Double.toString(n.value()));
        put(m, "plan", n.plan());
        put(m, "outcome", n.outcome());
        put(m, "reason", n.reason());
        put(m, "outputTail", n.outputTail());
        put(m, "submissionUri", n.submissionUri());
        put(m, "testGrade", json(n.testGrade()));
        put(m, "createdAt", n.createdAt());
        put(m, "finishedAt", n.finishedAt());
        return m;
    }

    private static NodeRecord toNode(String runId, Map<String, String> h) {
        return new NodeRecord(runId, h.get("nodeId"), Long.parseLong(h.getOrDefault("seq", "0")),
                str(h, "parentId"), h.get("operator"), str(h, "branch"), Integer.parseInt(h.getOrDefault("depth", "0")),
                NodeStatus.valueOf(h.get("status")), dbl(h, "score"), Integer.parseInt(h.getOrDefault("visits", "0")),
                Double.parseDouble(h.getOrDefault("value", "0")), str(h, "plan"), str(h, "outcome"),
                str(h, "reason"), str(h, "outputTail"), str(h, "submissionUri"),
                fromJson(h, "testGrade", Grade.class), instant(h, "createdAt"), instant(h, "finishedAt"));
    }

    /** Absent values are stored as the empty string, so saving a record clears fields it no longer has. */
    private static void put(Map<String, String> m, String key, Object value) {
        m.put(key, value == null ? "" : value.toString());
    }

    private static String str(Map<String, String> h, String key) {
        String v = h.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    private static Double dbl(Map<String, String> h, String key) {
        String v = str(h, key);
        return v == null ? null : Double.valueOf(v);
    }

    private static Instant instant(Map<String, String> h, String key) {
        String v = str(h, key);
        return v == null ? null : Instant.parse(v);
    }

    private static String json(Object value) {
        return value == null ? null : EventJson.write(value);
    }

    private static <T> T fromJson(Map<String, String> h, String key, Class<T> type) {
        String v = str(h, key);
        return v == null ? null : EventJson.read(v, type);
    }
}

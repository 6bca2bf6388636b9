package ai.automlgen.planner.graph;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.Edge;
import ai.automlgen.planner.search.EdgeType;
import ai.automlgen.planner.search.GraphView;
import ai.automlgen.planner.search.InMemorySearchGraph;
import ai.automlgen.planner.search.NodeStatus;
import ai.automlgen.planner.search.Objective;
import ai.automlgen.planner.search.SearchGraph;
import ai.automlgen.planner.search.SearchNode;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A run's search graph held in Redis under {@code automlgen:run:{id}:search:…} ({@link Keys#search}), so that any
 * planner, after a restart or beside another, works on the same graph. Every write is one Lua script (atomic in
 * Redis); selection decides on an in-memory graph at one instant, kept current from what changed
 * ({@link #decide}).
 */
public final class RedisSearchGraph implements SearchGraph {
    private static final LuaScripts SCRIPTS = new LuaScripts();
    /**
     * Change-log ids kept for readers (a few per scored node: the node and its ancestors); the log is compacted
     * to this once it doubles, so a long run's log stays bounded and a first look reads the nodes, not the history.
     */
    private static final int CHANGES_KEPT = 10_000;

    private final RedisConnection redis;
    private final Objective objective;
    private final String prefix;
    /** Held to update {@link #local}; decisions reading it hold the read lock. */
    private final ReentrantReadWriteLock decisions = new ReentrantReadWriteLock();
    /** The graph as of the last decision, kept current in place; null until the first. */
    private InMemorySearchGraph local;
    private long changesSeen;
    private long edgesSeen;
    private final int changesKept;

    private RedisSearchGraph(RedisConnection redis, String runId, Objective objective, int changesKept) {
        if (changesKept < 1) {
            throw new IllegalArgumentException("changesKept must be at least 1, got " + changesKept);
        }
        this.redis = redis;
        this.objective = objective;
        this.prefix = Keys.search(runId);
        this.changesKept = changesKept;
    }

    /** The run's graph, created with its root if Redis holds none yet; otherwise the graph as Redis holds it. */
    public static RedisSearchGraph open(RedisConnection redis, String runId, Objective objective,
                                        long createdAtMillis) {
        return open(redis, runId, objective, createdAtMillis, CHANGES_KEPT);
    }

    /**
     * As {@link #open(RedisConnection, String, Objective, long)}, keeping at least the last {@code changesKept} ids
     * of the change log (a reader further behind reads the whole graph again).
     */
    public static RedisSearchGraph open(RedisConnection redis, String runId, Objective objective,
                                        long createdAtMillis, int changesKept) {
        RedisSearchGraph graph = new RedisSearchGraph(redis, runId, objective, changesKept);
        graph.<Long>script("search-open", ScriptOutputType.INTEGER, objective.name(), SearchNode.ROOT_ID,
                Long.toString(createdAtMillis));
        return graph;
    }

    // ------------------------------------------------------------------ reads

    /**
     * Runs {@code decision} on the whole graph at one instant, in memory. This handle keeps that graph and reads
     * only what changed since its last look (one Lua script), then applies those nodes and edges in place, so a
     * decision costs the changes, not the graph's size. Decisions of several threads on one handle share the
     * graph: it is brought up to date only while none of them is reading it.
     */
    @Override
    public <T> T decide(Function<GraphView, T> decision) {
        decisions.writeLock().lock();
        try {
            catchUp();
            decisions.readLock().lock(); // taken before the write lock is let go: no update can come between
        } finally {
            decisions.writeLock().unlock();
        }
        try {
            return decision.apply(local);
        } finally {
            decisions.readLock().unlock();
        }
    }

    /** A copy of the whole graph at one instant, its own to keep; a decision needs none ({@link #decide}). */
    @Override
    public GraphView snapshot() {
        return decide(RedisSearchGraph::copy);
    }

    private void catchUp() {
        List<Object> reply = script("search-changes", ScriptOutputType.MULTI, Long.toString(local == null ? -1 : changesSeen),
                Long.toString(edgesSeen), Integer.toString(changesKept));
        List<SearchNode> changed = toNodes(reply.get(0));
        List<Edge> edges = new ArrayList<>();
        for (Object encoded : (List<?>) reply.get(1)) {
            String[] parts = ((String) encoded).split("\\|", 3);
            edges.add(new Edge(parts[0], parts[1], EdgeType.valueOf(parts[2])));
        }
        if ((Long) reply.get(4) == 1) {
            // the first look, or a reader behind the compacted log: every node once, in creation order
            local = InMemorySearchGraph.restore(objective, changed, edges);
        } else {
            changed.forEach(local::apply);
            edges.stream().filter(edge -> edge.type() != EdgeType.PARENT).forEach(local::addEdge);
        }
        changesSeen = (Long) reply.get(2);
        edgesSeen = (Long) reply.get(3);
    }

    private static InMemorySearchGraph copy(GraphView view) {
        List<SearchNode> nodes = new ArrayList<>();
        nodes.add(view.root());
        nodes.addAll(view.nodes());
        List<Edge> edges = nodes.stream().flatMap(node -> view.edgesFrom(node.id()).stream()).toList();
        return InMemorySearchGraph.restore(view.objective(), nodes, edges);
    }

    @Override
    public Objective objective() {
        return objective;
    }

    @Override
    public SearchNode root() {
        return node(SearchNode.ROOT_ID).orElseThrow(() -> new IllegalStateException(
                "the search graph " + prefix + " has no root: it was deleted while the run went on"));
    }

    @Override
    public Optional<SearchNode> node(String id) {
        Map<String, String> fields = cmd().hgetall(prefix + ":node:" + id);
        return fields.isEmpty() ? Optional.empty() : Optional.of(toNode(fields));
    }

    @Override
    public List<SearchNode> children(String parentId) {
        return indexed(":children:" + parentId, "list");
    }

    @Override
    public List<SearchNode> children(String parentId, Operator operator) {
        return children(parentId).stream().filter(child -> child.operator() == operator).toList();
    }

    @Override
    public List<SearchNode> nodes() {
        return indexed(":order", "list").stream().skip(1).toList();
    }

    @Override
    public List<String> branches() {
        return decide(GraphView::branches);
    }

    @Override
    public List<SearchNode> branchNodes(String branch) {
        return indexed(":branch:" + branch, "list");
    }

    /** Ordered by the time they were scored. */
    @Override
    public List<SearchNode> finishedLeaves() {
        return indexed(":leaves", "zset");
    }

    @Override
    public Optional<SearchNode> oldestFinishedLeaf(Predicate<SearchNode> condition) {
        return finishedLeaves().stream().filter(condition).findFirst();
    }

    @Override
    public List<SearchNode> bestNodes(int limit) {
        return decide(view -> view.bestNodes(limit));
    }

    @Override
    public List<Edge> edgesFrom(String from) {
        return decide(view -> view.edgesFrom(from));
    }

    @Override
    public int nodeCount() {
        return meta("nodes");
    }

    @Override
    public int inFlightCount() {
        return meta("inFlight");
    }

    // ------------------------------------------------------------------ writes (one Lua script each)

    @Override
    public boolean claimExpansion(SearchNode child, Set<Operator> countedOperators, int childLimit) {
        List<String> args = new ArrayList<>(List.of(child.id(), child.parentId(), child.operator().name(),
                child.branch(), Integer.toString(child.depth()), Integer.toString(child.debugDepth()),
                Integer.toString(child.improveMisses()), Long.toString(child.createdAtMillis()),
                Integer.toString(childLimit)));
        countedOperators.forEach(operator -> args.add(operator.name()));
        Long claimed = script("search-claim", ScriptOutputType.INTEGER, args.toArray(String[]::new));
        return claimed == 1L;
    }

    @Override
    public void addEdge(Edge edge) {
        script("search-edge", ScriptOutputType.INTEGER, edge.from() + "|" + edge.to() + "|" + edge.type().name());
    }

    @Override
    public void markRunning(String nodeId) {
        script("search-running", ScriptOutputType.INTEGER, nodeId);
    }

    @Override
    public Recorded recordResult(String nodeId, NodeStatus status, Double score, int improveMisses,
                                 long finishedAtMillis) {
        SearchGraph.requireResult(status, score);
        List<Long> reply = script("search-record", ScriptOutputType.MULTI, nodeId, status.name(),
                score == null ? "" : Double.toString(score), Integer.toString(improveMisses),
                Long.toString(finishedAtMillis));
        return new Recorded(reply.get(0) == 1L, reply.get(1) == 1L);
    }

    @Override
    public void cancel(String nodeId) {
        script("search-cancel", ScriptOutputType.INTEGER, nodeId);
    }

    @Override
    public void backpropagate(String nodeId, double reward) {
        script("search-backpropagate", ScriptOutputType.INTEGER, nodeId, Double.toString(reward));
    }

    // ------------------------------------------------------------------ helpers

    private RedisCommands<String, String> cmd() {
        return redis.commands();
    }

    private <T> T script(String name, ScriptOutputType type, String... args) {
        return SCRIPTS.run(cmd(), name, type, new String[]{prefix}, args);
    }

    private List<SearchNode> indexed(String indexSuffix, String indexType) {
        return toNodes(script("search-nodes", ScriptOutputType.MULTI, indexSuffix, indexType));
    }

    private int meta(String field) {
        String value = cmd().hget(prefix + ":meta", field);
        return value == null ? 0 : Integer.parseInt(value);
    }

    /**
     * Nodes as the read scripts send them: one line each, the hash fields in the scripts' order joined by '|' (ids
     * and branches never hold one), absent fields empty.
     */
    private static List<SearchNode> toNodes(Object lines) {
        List<SearchNode> nodes = new ArrayList<>();
        for (Object line : (List<?>) lines) {
            String[] f = ((String) line).split("\\|", -1);
            nodes.add(new SearchNode(f[0], orNull(f[1]), f[2].isEmpty() ? null : Operator.valueOf(f[2]), orNull(f[3]),
                    Integer.parseInt(f[4]), NodeStatus.valueOf(f[5]), f[6].isEmpty() ? null : Double.valueOf(f[6]),
                    Integer.parseInt(f[7]), Double.parseDouble(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]),
                    Long.parseLong(f[11]), f[12].isEmpty() ? null : Long.valueOf(f[12])));
        }
        return nodes;
    }

    private static String orNull(String field) {
        return field.isEmpty() ? null : field;
    }

    private static SearchNode toNode(Map<String, String> h) {
        String operator = h.get("operator");
        String score = h.get("score");
        String finishedAt = h.get("finishedAt");
        return new SearchNode(h.get("id"), h.get("parentId"), operator == null ? null : Operator.valueOf(operator),
                h.get("branch"), Integer.parseInt(h.get("depth")), NodeStatus.valueOf(h.get("status")),
                score == null ? null : Double.valueOf(score), Integer.parseInt(h.get("visits")),
                Double.parseDouble(h.get("value")), Integer.parseInt(h.get("debugDepth")),
                Integer.parseInt(h.get("improveMisses")), Long.parseLong(h.get("createdAt")),
                finishedAt == null ? null : Long.valueOf(finishedAt));
    }
}

package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.graph.RedisConnection;
import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RedisSearchGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link SearchGraphContract} on {@link RedisSearchGraph}. Needs the Redis of the local stack
 * ({@code infra/stack.sh up infra}) at {@code REDIS_URI} (default redis://127.0.0.1:6379); each graph is a run of
 * its own, deleted afterwards.
 */
class RedisSearchGraphTest extends SearchGraphContract {
    static final String URI = System.getenv().getOrDefault("REDIS_URI", "redis://127.0.0.1:6379");

    private final List<RedisConnection> connections = new ArrayList<>();
    private final Map<SearchGraph, String> runIds = new IdentityHashMap<>();

    private RedisConnection connect() {
        RedisConnection connection = new RedisConnection(URI);
        connections.add(connection);
        return connection;
    }

    @Override
    SearchGraph newGraph(Objective objective) {
        String runId = "test-graph-" + UUID.randomUUID();
        SearchGraph graph = RedisSearchGraph.open(connect(), runId, objective, 1_000L);
        runIds.put(graph, runId);
        return graph;
    }

    @Override
    SearchGraph sameGraphElsewhere(SearchGraph graph) {
        String runId = runIds.get(graph);
        SearchGraph elsewhere = RedisSearchGraph.open(connect(), runId, graph.objective(), 2_000L);
        runIds.put(elsewhere, runId);
        return elsewhere;
    }

    @AfterEach
    void deleteGraphsAndDisconnect() {
        RedisGraphStore store = new RedisGraphStore(connections.get(0));
        runIds.values().stream().distinct().forEach(store::deleteRun);
        connections.forEach(RedisConnection::close);
    }

    @Test
    void reopeningTheGraphFindsItAsItWasLeft() {
        TestGraph t = new TestGraph(newGraph(Objective.MAXIMIZE));
        SearchNode draft = t.draft(0.5);
        t.pending(draft.id(), Operator.IMPROVE);
        t.graph.backpropagate(draft.id(), 1.0);
        GraphView before = t.graph.snapshot();

        SearchGraph reopened = sameGraphElsewhere(t.graph);

        assertEquals(before.root(), reopened.root(), "the root keeps its creation time and statistics");
        assertEquals(before.nodes(), reopened.nodes());
        assertEquals(1, reopened.inFlightCount());
    }

    @Test
    void theChangeLogStaysBoundedAndAReaderBehindItReadsTheWholeGraphAgain() {
        String runId = "test-graph-" + UUID.randomUUID();
        RedisSearchGraph writer = RedisSearchGraph.open(connect(), runId, Objective.MAXIMIZE, 1_000L, 3);
        RedisSearchGraph behind = RedisSearchGraph.open(connect(), runId, Objective.MAXIMIZE, 1_000L, 3);
        runIds.put(writer, runId);
        runIds.put(behind, runId);
        TestGraph t = new TestGraph(writer);
        SearchNode first = t.draft(0.5);
        assertEquals(List.of(first), behind.snapshot().nodes(), "its first look");
        for (int i = 0; i < 12; i++) {
            SearchNode draft = t.draft(0.1 + i / 100.0);
            writer.backpropagate(draft.id(), 0.5);
            writer.snapshot(); // a reader keeping up compacts the log as it reads
        }
        RedisConnection redis = connections.get(0);
        long kept = redis.commands().llen("automlgen:run:" + runId + ":search:changes");
        assertTrue(kept <= 6, "at most twice the ids to keep, got " + kept);

        GraphView now = writer.snapshot();
        assertEquals(now.nodes(), behind.snapshot().nodes(), "a reader behind the kept log reads every node again");
        assertEquals(now.root(), behind.snapshot().root());
        assertEquals(now.nodes(), sameGraphElsewhere(writer).snapshot().nodes(), "a first look reads the nodes, not the log");
        SearchNode next = t.draft(0.9);
        assertEquals(next, behind.snapshot().nodes().get(13), "and keeps up from there");
    }

    @Test
    void deletingTheRunRemovesEveryKeyOfItsGraph() {
        SearchGraph graph = newGraph(Objective.MAXIMIZE);
        new TestGraph(graph).draft(0.5);
        String runId = runIds.get(graph);
        RedisConnection redis = connections.get(0);
        new RedisGraphStore(redis).deleteRun(runId);
        assertEquals(List.of(), redis.commands().keys("automlgen:run:" + runId + "*"));
    }
}

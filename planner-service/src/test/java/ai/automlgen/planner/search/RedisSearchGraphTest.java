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
    void deletingTheRunRemovesEveryKeyOfItsGraph() {
        SearchGraph graph = newGraph(Objective.MAXIMIZE);
        new TestGraph(graph).draft(0.5);
        String runId = runIds.get(graph);
        RedisConnection redis = connections.get(0);
        new RedisGraphStore(redis).deleteRun(runId);
        assertEquals(List.of(), redis.commands().keys("automlgen:run:" + runId + "*"));
    }
}

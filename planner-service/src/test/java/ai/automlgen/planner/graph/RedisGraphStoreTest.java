package ai.automlgen.planner.graph;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.NodeStatus;
import ai.automlgen.planner.search.SearchNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run projection's pipelined reads and writes, against the Redis of the local stack
 * ({@code infra/stack.sh up infra}) at {@code REDIS_URI} (default redis://127.0.0.1:6379).
 */
class RedisGraphStoreTest {
    private final RedisConnection redis = new RedisConnection(System.getenv().getOrDefault("REDIS_URI", "redis://127.0.0.1:6379"));
    private final RedisGraphStore store = new RedisGraphStore(redis);
    private final String runId = "test-store-" + UUID.randomUUID();

    @AfterEach
    void deleteRunAndDisconnect() {
        store.deleteRun(runId);
        redis.close();
    }

    @Test
    void nodesComeBackInCreationOrderWithTheirFields() {
        for (int i = 1; i <= 30; i++) {
            store.addNode(NodeRecord.pending(runId, node("n" + i, i == 1 ? "root" : "n" + (i - 1)), "plan " + i), "code", null);
        }

        List<NodeRecord> nodes = store.nodes(runId);

        assertEquals(30, nodes.size());
        for (int i = 0; i < 30; i++) {
            assertEquals("n" + (i + 1), nodes.get(i).nodeId());
            assertEquals("plan " + (i + 1), nodes.get(i).plan());
            assertEquals(NodeStatus.PENDING, nodes.get(i).status());
        }
        assertEquals(List.of(), store.nodes("test-store-absent-" + UUID.randomUUID()));
    }

    @Test
    void aScoredNodeAndItsAncestorsStatisticsAreWrittenTogether() {
        SearchNode draft = node("n1", "root");
        SearchNode improve = node("n2", "n1");
        store.addNode(NodeRecord.pending(runId, draft, "draft"), "code", null);
        store.addNode(NodeRecord.pending(runId, improve, "improve"), "code", null);
        NodeRecord scored = NodeRecord.pending(runId, improve, "improve").scored(NodeStatus.GOOD, 0.87, null, null);

        store.saveScored(scored, List.of(statistics(improve, 1, 1.0), statistics(draft, 3, 1.5)));

        NodeRecord n2 = store.node(runId, "n2").orElseThrow();
        assertEquals(NodeStatus.GOOD, n2.status());
        assertEquals(0.87, n2.score());
        assertEquals(1, n2.visits(), "backpropagation's statistics win over the record's");
        assertEquals(1.0, n2.value());
        assertTrue(n2.finishedAt() != null);
        NodeRecord n1 = store.node(runId, "n1").orElseThrow();
        assertEquals(3, n1.visits());
        assertEquals(1.5, n1.value());
        assertEquals(NodeStatus.PENDING, n1.status(), "an ancestor's own fields stay as they were");
    }

    private static SearchNode node(String id, String parent) {
        return new SearchNode(id, parent, parent.equals("root") ? Operator.DRAFT : Operator.IMPROVE, "n1", 1,
                NodeStatus.PENDING, null, 0, 0.0, 0, 0, 1_000L, null);
    }

    private static SearchNode statistics(SearchNode node, int visits, double value) {
        return new SearchNode(node.id(), node.parentId(), node.operator(), node.branch(), node.depth(), node.status(),
                node.score(), visits, value, node.debugDepth(), node.improveMisses(), node.createdAtMillis(), null);
    }
}

package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.graph.RedisConnection;
import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RedisSearchGraph;
import ai.automlgen.planner.search.policy.SearchPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Latency of the graph operations on {@link RedisSearchGraph} (one Lua script each) at 1k, 10k and 100k nodes:
 * claim, record, backpropagate, and one decision cycle as a planner runs it: a backpropagation, then an mcgs
 * decision on the handle's in-memory graph, caught up with what the backpropagation changed. Prints numbers,
 * asserts none. Needs the stack's Redis. Run: {@code mvn -B -o -pl planner-service -am test
 * -Dtest=RedisSearchBenchmark -Dautomlgen.benchmark=true -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "automlgen.benchmark", matches = "true")
class RedisSearchBenchmark {
    private static final int SAMPLES = 1000;
    private static final int DECISION_SAMPLES = 500;

    @Test
    void graphOperationLatencyOnRedis() {
        RedisConnection redis = new RedisConnection(RedisSearchGraphTest.URI);
        RedisGraphStore store = new RedisGraphStore(redis);
        System.out.printf("%-8s %-34s %10s %10s%n", "nodes", "operation", "p50 (ms)", "p99 (ms)");
        try {
            for (int size : new int[]{1_000, 10_000, 100_000}) {
                String runId = "bench-graph-" + UUID.randomUUID();
                try {
                    measureAt(size, RedisSearchGraph.open(redis, runId, Objective.MAXIMIZE, 0));
                } finally {
                    store.deleteRun(runId);
                }
            }
        } finally {
            redis.close();
        }
    }

    private static void measureAt(int size, RedisSearchGraph graph) {
        SearchBenchmark.randomGraph(graph, size, new Random(size));
        List<SearchNode> nodes = graph.nodes();
        Random random = new Random(1);
        String[] claimed = new String[SAMPLES];
        long[] claim = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            SearchNode parent = nodes.get(random.nextInt(nodes.size()));
            Operator operator = parent.status() == NodeStatus.BUGGY ? Operator.DEBUG : Operator.IMPROVE;
            claimed[i] = "b" + i;
            SearchNode child = SearchNode.pending(claimed[i], parent, operator, i);
            long start = System.nanoTime();
            // a limit no node reaches: every claim does the whole check and the insert
            boolean added = graph.claimExpansion(child, ChildLimits.countedWith(operator), Integer.MAX_VALUE);
            claim[i] = System.nanoTime() - start;
            assertTrue(added);
        }
        report(size, "claimExpansion", claim);
        long[] record = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            graph.recordResult(claimed[i], NodeStatus.GOOD, random.nextDouble(), 0, size + i);
            record[i] = System.nanoTime() - start;
        }
        report(size, "recordResult", record);
        long[] backpropagate = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String id = nodes.get(random.nextInt(nodes.size())).id();
            long start = System.nanoTime();
            graph.backpropagate(id, 1.0);
            backpropagate[i] = System.nanoTime() - start;
        }
        report(size, "backpropagate", backpropagate);
        SearchPolicy mcgs = SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 1);
        SearchClock clock = new FixedClock(0.4, 0.4);
        long start = System.nanoTime();
        graph.decide(GraphView::nodeCount);
        System.out.printf("%-8d %-34s %10.3f%n", size, "first look (whole graph, once)",
                (System.nanoTime() - start) / 1e6);
        long[] catchUp = new long[DECISION_SAMPLES];
        long[] select = new long[DECISION_SAMPLES];
        long[] cycle = new long[DECISION_SAMPLES];
        for (int i = -20; i < DECISION_SAMPLES; i++) {
            String id = nodes.get(random.nextInt(nodes.size())).id();
            long begin = System.nanoTime();
            graph.backpropagate(id, 1.0);
            long backpropagated = System.nanoTime();
            graph.decide(GraphView::nodeCount);
            long caughtUp = System.nanoTime();
            assertTrue(graph.decide(view -> mcgs.next(view, clock)).isPresent());
            long decided = System.nanoTime();
            if (i >= 0) {
                catchUp[i] = caughtUp - backpropagated;
                select[i] = decided - caughtUp;
                cycle[i] = decided - begin;
            }
        }
        report(size, "catch up (after a backprop)", catchUp);
        report(size, "mcgs.next (decide, no changes)", select);
        report(size, "backprop + catch up + mcgs.next", cycle);
    }

    private static void report(int size, String operation, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-8d %-34s %10.3f %10.3f%n", size, operation, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}

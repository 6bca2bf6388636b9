package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.policy.SearchPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Several threads, and two engines standing for two planner replicas, on one graph. */
class InMemorySearchGraphConcurrencyTest {
    private static final int THREADS = 8;

    private static void runTogether(int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                start.await();
                work.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    @Test
    void racingClaimsNeverExceedTheChildLimit() throws Exception {
        for (int round = 0; round < 20; round++) {
            TestGraph t = new TestGraph();
            SearchNode draft = t.draft(0.5);
            AtomicInteger ids = new AtomicInteger();
            AtomicInteger claimed = new AtomicInteger();
            runTogether(THREADS, () -> {
                for (int i = 0; i < 20; i++) {
                    SearchNode child = SearchNode.pending("c" + ids.incrementAndGet(), draft, Operator.IMPROVE, 0);
                    if (t.graph.claimExpansion(child, ChildLimits.countedWith(Operator.IMPROVE), 3)) {
                        claimed.incrementAndGet();
                    }
                }
            });
            assertEquals(3, claimed.get());
            assertEquals(3, t.graph.children(draft.id()).size());
        }
    }

    @Test
    void concurrentBackpropagationLosesNoVisit() throws Exception {
        TestGraph t = new TestGraph();
        SearchNode draft = t.draft(0.5);
        SearchNode leaf = t.scored(draft.id(), Operator.IMPROVE, 0.6);
        runTogether(THREADS, () -> {
            for (int i = 0; i < 1000; i++) {
                t.graph.backpropagate(leaf.id(), 1.5);
            }
        });
        assertEquals(8000, t.graph.root().visits());
        assertEquals(8000, t.node(draft.id()).visits());
        assertEquals(12000.0, t.node(leaf.id()).value());
    }

    @Test
    void twoEnginesOnOneGraphKeepEveryLimitAndLoseNoUpdate() throws Exception {
        InMemorySearchGraph graph = new InMemorySearchGraph(Objective.MAXIMIZE, 0);
        SyntheticTask task = new SyntheticTask(11);
        AtomicInteger ids = new AtomicInteger();
        int maxNodes = 400;
        SearchClock clock = new FixedClock(0.6, 0.6);
        List<SearchEngine> replicas = List.of(
                new SearchEngine(graph, SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 1),
                        SearchConstants.DEFAULTS, () -> "a" + ids.incrementAndGet(), System::currentTimeMillis),
                new SearchEngine(graph, SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 2),
                        SearchConstants.DEFAULTS, () -> "b" + ids.incrementAndGet(), System::currentTimeMillis));
        ConcurrentLinkedQueue<String> backpropagated = new ConcurrentLinkedQueue<>();
        AtomicInteger claims = new AtomicInteger();
        AtomicInteger worker = new AtomicInteger();
        runTogether(THREADS, () -> {
            SearchEngine engine = replicas.get(worker.getAndIncrement() % replicas.size());
            while (graph.nodeCount() < maxNodes) {
                Optional<SearchEngine.Expansion> expansion = engine.expand(clock);
                if (expansion.isEmpty()) {
                    Thread.onSpinWait();
                    continue;
                }
                claims.incrementAndGet();
                Double score = task.evaluate(graph, expansion.get());
                engine.record(expansion.get().node().id(), score)
                        .filter(SearchEngine.Scored::backpropagated)
                        .ifPresent(scored -> backpropagated.add(scored.node().id()));
            }
        });

        ChildLimitInvariants.check(graph, SearchConstants.DEFAULTS);
        assertEquals(claims.get(), graph.nodeCount());
        assertEquals(0, graph.inFlightCount());
        Map<String, Integer> expectedVisits = new HashMap<>();
        for (String id : backpropagated) {
            for (SearchNode node = graph.node(id).orElseThrow(); ; node = graph.node(node.parentId()).orElseThrow()) {
                expectedVisits.merge(node.id(), 1, Integer::sum);
                if (node.isRoot()) {
                    break;
                }
            }
        }
        assertEquals(backpropagated.size(), graph.root().visits());
        for (SearchNode node : graph.nodes()) {
            assertEquals(expectedVisits.getOrDefault(node.id(), 0), node.visits(), node.id());
        }
    }
}

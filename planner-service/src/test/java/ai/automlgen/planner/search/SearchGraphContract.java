package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.policy.SearchPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link SearchGraph} must do, run against each implementation: the rules of the writes, the reads
 * after them, and several threads and two replicas (engines of two planners, each with its own handle on the
 * same graph) working on one graph at once.
 */
abstract class SearchGraphContract {
    private static final int THREADS = 8;

    /** A new, empty graph (its root only). */
    abstract SearchGraph newGraph(Objective objective);

    /** The same graph as a second planner would open it (for Redis: its own connection). */
    abstract SearchGraph sameGraphElsewhere(SearchGraph graph);

    private TestGraph testGraph() {
        return new TestGraph(newGraph(Objective.MAXIMIZE));
    }

    private static List<Edge> allEdges(GraphView graph) {
        List<Edge> edges = new ArrayList<>(graph.edgesFrom(SearchNode.ROOT_ID));
        graph.nodes().forEach(node -> edges.addAll(graph.edgesFrom(node.id())));
        return edges;
    }

    private static boolean claimImprove(SearchGraph graph, SearchNode parent, String id) {
        return graph.claimExpansion(SearchNode.pending(id, parent, Operator.IMPROVE, 0),
                ChildLimits.countedWith(Operator.IMPROVE), 3);
    }

    // ------------------------------------------------------------------ writes and reads

    @Test
    void newGraphHoldsOnlyItsExpandableRoot() {
        SearchGraph graph = newGraph(Objective.MAXIMIZE);
        assertEquals(SearchNode.root(graph.root().createdAtMillis()), graph.root());
        assertEquals(List.of(), graph.nodes());
        assertEquals(0, graph.nodeCount());
        assertEquals(0, graph.inFlightCount());
    }

    @Test
    void claimOnAnUnscoredParentIsRefused() {
        TestGraph t = testGraph();
        SearchNode pending = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        assertFalse(claimImprove(t.graph, pending, "c"));
        assertFalse(claimImprove(t.graph, SearchNode.pending("ghost", t.graph.root(), Operator.DRAFT, 0), "c"));
    }

    @Test
    void claimOfAnIdThatExistsIsRefused() {
        TestGraph t = testGraph();
        SearchNode draft = t.draft(0.5);
        assertFalse(claimImprove(t.graph, draft, draft.id()));
    }

    @Test
    void claimedChildIsPendingUnderItsParentAndInItsBranch() {
        TestGraph t = testGraph();
        SearchNode draft = t.draft(0.5);
        assertTrue(claimImprove(t.graph, draft, "c"));
        SearchNode child = t.node("c");
        assertEquals(SearchNode.pending("c", draft, Operator.IMPROVE, 0), child);
        assertEquals(List.of(child), t.graph.children(draft.id()));
        assertEquals(List.of(child), t.graph.children(draft.id(), Operator.IMPROVE));
        assertEquals(List.of(), t.graph.children(draft.id(), Operator.DEBUG));
        assertEquals(List.of(draft, child), t.graph.branchNodes(draft.id()));
        assertEquals(List.of(draft.id()), t.graph.branches());
        assertEquals(2, t.graph.nodeCount());
        assertEquals(1, t.graph.inFlightCount());
        assertEquals(List.of(new Edge(draft.id(), "c", EdgeType.PARENT)), t.graph.edgesFrom(draft.id()));
    }

    @Test
    void childLimitCountsLiveChildrenOfTheSharedOperatorsOnly() {
        TestGraph t = testGraph();
        SearchNode draft = t.draft(0.5);
        assertTrue(claimImprove(t.graph, draft, "c1"));
        assertTrue(t.graph.claimExpansion(SearchNode.pending("c2", draft, Operator.FUSION, 0),
                ChildLimits.countedWith(Operator.FUSION), 3));
        assertTrue(t.graph.claimExpansion(SearchNode.pending("d1", draft, Operator.DEBUG, 0),
                ChildLimits.countedWith(Operator.DEBUG), 1));
        assertTrue(claimImprove(t.graph, draft, "c3"));
        assertFalse(claimImprove(t.graph, draft, "c4"), "improve, fusion and evolution share the limit of 3");
        t.graph.cancel("c1");
        assertTrue(claimImprove(t.graph, draft, "c4"), "a cancelled child no longer counts");
    }

    @Test
    void cancelledNodeGivesItsPlaceInTheNodeBudgetBackOnce() {
        TestGraph t = testGraph();
        SearchNode draft = t.draft(0.5);
        SearchNode improve = t.pending(draft.id(), Operator.IMPROVE);
        t.graph.markRunning(improve.id());
        t.graph.cancel(improve.id());
        t.graph.cancel(improve.id());
        assertEquals(1, t.graph.nodeCount());
        assertEquals(1, t.graph.snapshot().nodeCount(), "a graph read from its nodes counts alike");
    }

    @Test
    void markRunningMovesOnlyAPendingNode() {
        TestGraph t = testGraph();
        SearchNode pending = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        t.graph.markRunning(pending.id());
        assertEquals(NodeStatus.RUNNING, t.node(pending.id()).status());
        SearchNode scored = t.draft(0.4);
        t.graph.markRunning(scored.id());
        assertEquals(NodeStatus.GOOD, t.node(scored.id()).status());
    }

    @Test
    void recordingScoresOnceAndDecidesTheBestAgainstTheCurrentOne() {
        TestGraph t = testGraph();
        List<SearchGraph.Recorded> recorded = new ArrayList<>();
        for (double score : new double[]{0.5, 0.4, 0.5, 0.6}) {
            SearchNode node = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
            recorded.add(t.graph.recordResult(node.id(), NodeStatus.GOOD, score, 0, 7));
        }
        assertEquals(List.of(new SearchGraph.Recorded(true, true), new SearchGraph.Recorded(true, false),
                new SearchGraph.Recorded(true, false), new SearchGraph.Recorded(true, true)), recorded);
        assertEquals(new SearchGraph.Recorded(false, false),
                t.graph.recordResult("n4", NodeStatus.GOOD, 0.9, 0, 8), "a redelivered result changes nothing");
        assertEquals(0.6, t.graph.bestNode().orElseThrow().score());
        assertEquals(List.of(0.6, 0.5, 0.5), t.graph.bestNodes(3).stream().map(SearchNode::score).toList());
        assertEquals("n1", t.graph.bestNodes(3).get(1).id(), "the older of equal scores first");
        assertEquals(0, t.graph.inFlightCount());
    }

    @Test
    void bestNodeFollowsTheObjective() {
        TestGraph lower = new TestGraph(newGraph(Objective.MINIMIZE));
        lower.draft(0.4);
        SearchNode best = lower.draft(0.2);
        lower.draft(0.3);
        assertEquals(best.id(), lower.graph.bestNode().orElseThrow().id());
    }

    @Test
    void buggyResultHasNoScoreAndIsNoBest() {
        TestGraph t = testGraph();
        SearchNode node = t.pending(SearchNode.ROOT_ID, Operator.DRAFT);
        assertEquals(new SearchGraph.Recorded(true, false),
                t.graph.recordResult(node.id(), NodeStatus.BUGGY, null, 2, 9));
        SearchNode buggy = t.node(node.id());
        assertEquals(List.of(NodeStatus.BUGGY, 2, 9L), List.of(buggy.status(), buggy.improveMisses(),
                buggy.finishedAtMillis()));
        assertEquals(null, buggy.score());
        assertEquals(Optional.empty(), t.graph.bestNode());
    }

    @Test
    void scoresAndValuesRoundTripExactly() {
        TestGraph t = testGraph();
        double[] scores = {0.1 + 0.2, 1.0 / 3.0, 1e-300, -123456.78901234567, Double.MIN_VALUE};
        for (double score : scores) {
            SearchNode node = t.draft(score);
            assertEquals(score, t.node(node.id()).score());
        }
        String leaf = t.graph.nodes().get(0).id();
        double expected = 0.0;
        for (int i = 0; i < 3; i++) {
            t.graph.backpropagate(leaf, 0.1);
            expected += 0.1;
        }
        assertEquals(expected, t.node(leaf).value());
    }

    @Test
    void backpropagationAddsAVisitAndTheRewardUpToTheRoot() {
        TestGraph t = testGraph();
        SearchNode draft = t.draft(0.5);
        SearchNode child = t.scored(draft.id(), Operator.IMPROVE, 0.6);
        SearchNode sibling = t.draft(0.4);
        t.graph.backpropagate(child.id(), 1.5);
        t.graph.backpropagate(draft.id(), -1.0);
        assertEquals(List.of(2, 0.5), List.of(t.graph.root().visits(), t.graph.root().value()));
        assertEquals(List.of(2, 0.5), List.of(t.node(draft.id()).visits(), t.node(draft.id()).value()));
        assertEquals(List.of(1, 1.5), List.of(t.node(child.id()).visits(), t.node(child.id()).value()));
        assertEquals(0, t.node(sibling.id()).visits());
    }

    @Test
    void finishedLeavesFollowClaimsScoresAndCancellations() {
        TestGraph t = testGraph();
        SearchNode a = t.draft(0.5);
        SearchNode b = t.scored(SearchNode.ROOT_ID, Operator.DRAFT, null);
        assertEquals(List.of(a, b), t.graph.finishedLeaves());
        SearchNode fix = t.pending(b.id(), Operator.DEBUG);
        assertEquals(List.of(a), t.graph.finishedLeaves());
        t.graph.cancel(fix.id());
        assertEquals(List.of(a.id(), b.id()), t.graph.finishedLeaves().stream().map(SearchNode::id).toList());
        assertEquals(Optional.of(b.id()), t.graph.oldestFinishedLeaf(n -> n.status() == NodeStatus.BUGGY)
                .map(SearchNode::id));
        assertEquals(NodeStatus.CANCELLED, t.node(fix.id()).status());
        assertEquals(0, t.graph.inFlightCount());
    }

    @Test
    void typedEdgesAreAddedOnce() {
        TestGraph t = testGraph();
        SearchNode a = t.draft(0.5);
        SearchNode b = t.draft(0.4);
        SearchNode fusion = t.pending(a.id(), Operator.FUSION);
        Edge reference = new Edge(fusion.id(), b.id(), EdgeType.REFERENCE);
        t.graph.addEdge(reference);
        t.graph.addEdge(reference);
        t.graph.addEdge(new Edge(fusion.id(), a.id(), EdgeType.TRAJECTORY));
        assertEquals(List.of(reference, new Edge(fusion.id(), a.id(), EdgeType.TRAJECTORY)),
                t.graph.edgesFrom(fusion.id()));
    }

    @Test
    void snapshotReadsLikeTheGraphAndLeadsToTheSameDecision() {
        SearchGraph graph = SyntheticRun.on(newGraph(Objective.MAXIMIZE), "mcgs", SearchConstants.DEFAULTS, 5, 120,
                3).graph;
        GraphView snapshot = graph.snapshot();
        assertEquals(graph.root(), snapshot.root());
        assertEquals(graph.nodes(), snapshot.nodes());
        assertEquals(graph.branches(), snapshot.branches());
        assertEquals(graph.bestNodes(10), snapshot.bestNodes(10));
        assertEquals(graph.nodeCount(), snapshot.nodeCount());
        assertEquals(graph.inFlightCount(), snapshot.inFlightCount());
        assertEquals(new HashSet<>(allEdges(graph)), new HashSet<>(allEdges(snapshot)));
        assertEquals(graph.finishedLeaves(), snapshot.finishedLeaves());
        SearchClock clock = new FixedClock(0.6, 0.6);
        assertEquals(SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 9).next(graph, clock),
                SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 9).next(snapshot, clock));
    }

    @Test
    void searchMakesTheSameDecisionsAsOnTheInMemoryGraph() {
        SyntheticRun here = SyntheticRun.on(newGraph(Objective.MAXIMIZE), "mcgs", SearchConstants.DEFAULTS, 3, 150, 2);
        SyntheticRun reference = SyntheticRun.of("mcgs", 3, 150, 2);
        assertEquals(reference.operators, here.operators);
        assertEquals(reference.graph.nodes(), here.graph.nodes());
    }

    /**
     * 600 random claims, results, runs, cancellations, typed edges and backpropagations, each through one of
     * {@code handles}; after about one write in four, {@code look} (a reader catching up).
     */
    static void randomWrites(List<SearchGraph> handles, Random random, Runnable look) {
        List<String> ids = new ArrayList<>(List.of(SearchNode.ROOT_ID));
        for (int step = 0; step < 600; step++) {
            SearchGraph graph = handles.get(random.nextInt(handles.size()));
            SearchNode node = graph.node(ids.get(random.nextInt(ids.size()))).orElseThrow();
            int action = random.nextInt(6);
            long now = step / 3; // ties in finish times too
            if (action <= 1 && node.status().finished()) {
                Operator operator = node.isRoot() ? Operator.DRAFT
                        : node.status() == NodeStatus.BUGGY ? Operator.DEBUG : Operator.IMPROVE;
                SearchNode child = SearchNode.pending("r" + step, node, operator, now);
                if (graph.claimExpansion(child, ChildLimits.countedWith(operator), 3)) {
                    ids.add(child.id());
                }
            } else if (action == 2 && node.status().inFlight()) {
                boolean good = random.nextInt(4) > 0;
                // few distinct scores, so the ranking's ties by age count too
                graph.recordResult(node.id(), good ? NodeStatus.GOOD : NodeStatus.BUGGY,
                        good ? random.nextInt(5) / 4.0 : null, random.nextInt(3), now);
            } else if (action == 3 && node.status().inFlight()) {
                if (random.nextBoolean()) {
                    graph.markRunning(node.id());
                } else {
                    graph.cancel(node.id());
                }
            } else if (action == 4 && !node.isRoot()) {
                graph.addEdge(new Edge(node.id(), ids.get(random.nextInt(ids.size())),
                        random.nextBoolean() ? EdgeType.REFERENCE : EdgeType.TRAJECTORY));
            } else if (!node.isRoot() && node.status().finished()) {
                graph.backpropagate(node.id(), random.nextDouble());
            }
            if (random.nextInt(4) == 0) {
                look.run();
            }
        }
    }

    /**
     * Everything a policy can read, for comparing two graphs: edges as sets, since their order across types
     * depends on how the graph was built.
     */
    static Map<String, Object> readings(GraphView graph) {
        Map<String, Object> readings = new HashMap<>();
        readings.put("root", graph.root());
        readings.put("nodes", graph.nodes());
        readings.put("nodeCount", graph.nodeCount());
        readings.put("inFlight", graph.inFlightCount());
        readings.put("finishedLeaves", graph.finishedLeaves());
        readings.put("best", graph.bestNodes(Integer.MAX_VALUE));
        readings.put("branches", graph.branches());
        graph.branches().forEach(branch -> readings.put("branch " + branch, graph.branchNodes(branch)));
        List<SearchNode> all = new ArrayList<>(graph.nodes());
        all.add(graph.root());
        for (SearchNode node : all) {
            readings.put("children " + node.id(), graph.children(node.id()));
            readings.put("edges " + node.id(), new HashSet<>(graph.edgesFrom(node.id())));
        }
        return readings;
    }

    /**
     * One handle decides after every few writes while it and a second handle claim, run, score, cancel, link and
     * backpropagate at random: the graph it keeps up to date reads like one restored from scratch.
     */
    @Test
    void graphKeptUpToDateAcrossRandomWritesOfTwoHandlesReadsLikeOneRestoredFromScratch() {
        SearchGraph first = newGraph(Objective.MINIMIZE);
        List<SearchGraph> handles = List.of(first, sameGraphElsewhere(first));
        randomWrites(handles, new Random(7), () -> first.decide(GraphView::nodeCount));
        SearchGraph elsewhere = sameGraphElsewhere(first);
        List<SearchNode> nodes = new ArrayList<>();
        nodes.add(elsewhere.root());
        nodes.addAll(elsewhere.nodes());
        InMemorySearchGraph fromScratch = InMemorySearchGraph.restore(Objective.MINIMIZE, nodes, allEdges(elsewhere));

        Map<String, Object> expected = readings(fromScratch);
        Map<String, Object> kept = first.decide(SearchGraphContract::readings);
        assertEquals(expected.keySet(), kept.keySet());
        expected.forEach((reading, value) -> assertEquals(value, kept.get(reading), reading));
        assertTrue(fromScratch.nodeCount() > 40 && !fromScratch.finishedLeaves().isEmpty(),
                "the random writes grew a graph worth comparing: " + fromScratch.nodeCount() + " nodes");
    }

    // ------------------------------------------------------------------ concurrency

    private static void runTogether(Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            done.add(pool.submit(() -> {
                start.await();
                work.run();
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingClaimsFromTwoReplicasNeverExceedTheChildLimit() throws Exception {
        for (int round = 0; round < 10; round++) {
            TestGraph t = testGraph();
            SearchNode draft = t.draft(0.5);
            List<SearchGraph> replicas = List.of(t.graph, sameGraphElsewhere(t.graph));
            AtomicInteger ids = new AtomicInteger();
            AtomicInteger claimed = new AtomicInteger();
            runTogether(() -> {
                for (int i = 0; i < 20; i++) {
                    int id = ids.incrementAndGet();
                    if (claimImprove(replicas.get(id % 2), draft, "c" + id)) {
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
        TestGraph t = testGraph();
        SearchNode draft = t.draft(0.5);
        SearchNode leaf = t.scored(draft.id(), Operator.IMPROVE, 0.6);
        List<SearchGraph> replicas = List.of(t.graph, sameGraphElsewhere(t.graph));
        AtomicInteger worker = new AtomicInteger();
        runTogether(() -> {
            SearchGraph graph = replicas.get(worker.getAndIncrement() % 2);
            for (int i = 0; i < 250; i++) {
                graph.backpropagate(leaf.id(), 1.5);
            }
        });
        assertEquals(2000, t.graph.root().visits());
        assertEquals(2000, t.node(draft.id()).visits());
        assertEquals(3000.0, t.node(leaf.id()).value());
    }

    /** Two planners (an engine each, on its own handle of the graph), several threads each, one node budget. */
    @Test
    void twoPlannersOnOneGraphKeepEveryLimitRecordEachNodeOnceAndLoseNoUpdate() throws Exception {
        SearchGraph first = newGraph(Objective.MAXIMIZE);
        List<SearchGraph> graphs = List.of(first, sameGraphElsewhere(first));
        SyntheticTask task = new SyntheticTask(11);
        AtomicInteger ids = new AtomicInteger();
        int maxNodes = 300;
        SearchClock clock = new FixedClock(0.6, 0.6);
        List<SearchEngine> planners = List.of(
                new SearchEngine(graphs.get(0), SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 1),
                        SearchConstants.DEFAULTS, () -> "n" + ids.incrementAndGet(), System::currentTimeMillis),
                new SearchEngine(graphs.get(1), SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 2),
                        SearchConstants.DEFAULTS, () -> "n" + ids.incrementAndGet(), System::currentTimeMillis));
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        Map<String, Integer> recordings = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> backpropagated = new ConcurrentLinkedQueue<>();
        AtomicInteger worker = new AtomicInteger();
        runTogether(() -> {
            int index = worker.getAndIncrement() % 2;
            SearchEngine engine = planners.get(index);
            SearchGraph graph = graphs.get(index);
            while (graph.nodeCount() < maxNodes) {
                Optional<SearchEngine.Expansion> expansion = engine.expand(clock);
                if (expansion.isEmpty()) {
                    Thread.onSpinWait();
                    continue;
                }
                String id = expansion.get().node().id();
                claimed.add(id);
                Double score = task.evaluate(graph, expansion.get());
                // each result is delivered twice, once to each planner, as a redelivery would
                for (SearchEngine planner : planners) {
                    planner.record(id, score).ifPresent(scored -> {
                        recordings.merge(id, 1, Integer::sum);
                        if (scored.backpropagated()) {
                            backpropagated.add(id);
                        }
                    });
                }
            }
        });

        GraphView graph = first.snapshot();
        ChildLimitInvariants.check(graph, SearchConstants.DEFAULTS);
        Set<String> uniqueIds = new HashSet<>(claimed);
        assertEquals(claimed.size(), uniqueIds.size(), "node ids are unique");
        assertEquals(claimed.size(), graph.nodeCount());
        assertEquals(uniqueIds, new HashSet<>(graph.nodes().stream().map(SearchNode::id).toList()));
        assertEquals(0, graph.inFlightCount());
        assertEquals(uniqueIds, recordings.keySet());
        assertTrue(recordings.values().stream().allMatch(times -> times == 1), "every node recorded once");
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

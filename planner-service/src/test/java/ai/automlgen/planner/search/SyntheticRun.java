package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.policy.SearchPolicy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs a policy on a {@link SyntheticTask} until the node budget is spent, keeping {@code parallelism} expansions
 * in flight and scoring them oldest first; the clock's time and node fractions both advance with claimed nodes.
 */
final class SyntheticRun {
    final SearchGraph graph;
    final List<Operator> operators = new ArrayList<>();

    private SyntheticRun(SearchGraph graph) {
        this.graph = graph;
    }

    static SyntheticRun of(String policy, long seed, int maxNodes, int parallelism) {
        return of(policy, SearchConstants.DEFAULTS, seed, maxNodes, parallelism);
    }

    static SyntheticRun of(String policy, SearchConstants constants, long seed, int maxNodes, int parallelism) {
        return on(new InMemorySearchGraph(Objective.MAXIMIZE, 0), policy, constants, seed, maxNodes, parallelism);
    }

    /** The same search on a given (empty) graph. */
    static SyntheticRun on(SearchGraph graph, String policy, SearchConstants constants, long seed, int maxNodes,
                           int parallelism) {
        SyntheticRun run = new SyntheticRun(graph);
        run.search(SearchPolicy.named(policy, constants, seed), constants, new SyntheticTask(seed), maxNodes,
                parallelism);
        return run;
    }

    private void search(SearchPolicy policy, SearchConstants constants, SyntheticTask task, int maxNodes,
                        int parallelism) {
        int[] ids = {0};
        SearchEngine engine = new SearchEngine(graph, policy, constants, () -> "n" + ++ids[0], () -> ids[0]);
        double budget = maxNodes;
        SearchClock clock = new SearchClock() {
            @Override
            public double timeFraction() {
                return graph.nodeCount() / budget;
            }

            @Override
            public double nodeFraction() {
                return graph.nodeCount() / budget;
            }
        };
        Deque<SearchEngine.Expansion> inFlight = new ArrayDeque<>();
        while (graph.nodeCount() < maxNodes || !inFlight.isEmpty()) {
            while (inFlight.size() < parallelism && graph.nodeCount() < maxNodes) {
                var expansion = engine.expand(clock);
                if (expansion.isEmpty()) {
                    break;
                }
                inFlight.add(expansion.get());
                operators.add(expansion.get().decision().operator());
            }
            if (inFlight.isEmpty()) {
                return;
            }
            SearchEngine.Expansion oldest = inFlight.poll();
            engine.record(oldest.node().id(), task.evaluate(graph, oldest));
        }
    }

    double bestScore() {
        return graph.bestNode().map(SearchNode::score).orElse(Double.NEGATIVE_INFINITY);
    }

    boolean foundPlantedOptimum() {
        return bestScore() >= SyntheticTask.OPTIMUM;
    }

    long count(Operator operator) {
        return operators.stream().filter(op -> op == operator).count();
    }
}

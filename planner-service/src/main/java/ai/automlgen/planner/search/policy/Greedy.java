package ai.automlgen.planner.search.policy;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.ChildLimits;
import ai.automlgen.planner.search.Decision;
import ai.automlgen.planner.search.GraphView;
import ai.automlgen.planner.search.NodeStatus;
import ai.automlgen.planner.search.SearchClock;
import ai.automlgen.planner.search.SearchConstants;
import ai.automlgen.planner.search.SearchNode;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * AIDE's greedy policy: draft until the root has its drafts; then, with AIDE's debug probability, debug a random
 * buggy leaf not yet too deep; otherwise improve the best node. Improving the best has no child limit (AIDE keeps
 * improving it), and with nothing good yet it drafts again.
 */
public final class Greedy implements SearchPolicy {
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final SearchConstants constants;
    private final Random random;

    public Greedy(SearchConstants constants, Random random) {
        this.constants = constants;
        this.random = random;
    }

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public Optional<Decision> next(GraphView graph, SearchClock clock) {
        SearchNode root = graph.root();
        if (ChildLimits.hasRoom(graph, root, Operator.DRAFT, constants.maxDrafts())) {
            return Optional.of(Decision.of(Operator.DRAFT, root.id(), constants.maxDrafts()));
        }
        if (random.nextDouble() < constants.greedyDebugProbability()) {
            List<SearchNode> debuggable = graph.finishedLeaves().stream()
                    .filter(leaf -> leaf.status() == NodeStatus.BUGGY)
                    .filter(leaf -> leaf.debugDepth() < constants.greedyMaxDebugDepth())
                    .toList();
            if (!debuggable.isEmpty()) {
                SearchNode leaf = debuggable.get(random.nextInt(debuggable.size()));
                return Optional.of(Decision.of(Operator.DEBUG, leaf.id(), constants.maxDebugChildren()));
            }
        }
        return Optional.of(graph.bestNode()
                .map(best -> Decision.of(Operator.IMPROVE, best.id(), UNLIMITED))
                .orElseGet(() -> Decision.of(Operator.DRAFT, root.id(), UNLIMITED)));
    }
}

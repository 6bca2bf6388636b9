package ai.automlgen.planner.search.policy;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.ChildLimits;
import ai.automlgen.planner.search.Decision;
import ai.automlgen.planner.search.GraphView;
import ai.automlgen.planner.search.NodeStatus;
import ai.automlgen.planner.search.SearchClock;
import ai.automlgen.planner.search.SearchConstants;
import ai.automlgen.planner.search.SearchNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The baseline: any expansion the child limits allow (draft, debug, improve), drawn uniformly. */
public final class RandomPolicy implements SearchPolicy {
    private final SearchConstants constants;
    private final Random random;

    public RandomPolicy(SearchConstants constants, Random random) {
        this.constants = constants;
        this.random = random;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Optional<Decision> next(GraphView graph, SearchClock clock) {
        List<Decision> allowed = new ArrayList<>();
        SearchNode root = graph.root();
        if (ChildLimits.hasRoom(graph, root, Operator.DRAFT, constants.maxDrafts())) {
            allowed.add(Decision.of(Operator.DRAFT, root.id(), constants.maxDrafts()));
        }
        for (SearchNode node : graph.nodes()) {
            if (node.isGood() && ChildLimits.hasRoom(graph, node, Operator.IMPROVE, constants.maxImproveChildren())) {
                allowed.add(Decision.of(Operator.IMPROVE, node.id(), constants.maxImproveChildren()));
            } else if (node.status() == NodeStatus.BUGGY && node.debugDepth() < constants.maxDebugDepth()
                    && ChildLimits.hasRoom(graph, node, Operator.DEBUG, constants.maxDebugChildren())) {
                allowed.add(Decision.of(Operator.DEBUG, node.id(), constants.maxDebugChildren()));
            }
        }
        return allowed.isEmpty() ? Optional.empty() : Optional.of(allowed.get(random.nextInt(allowed.size())));
    }
}

package ai.automlgen.planner.search.policy;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.Decision;
import ai.automlgen.planner.search.GraphView;
import ai.automlgen.planner.search.SearchClock;
import ai.automlgen.planner.search.SearchConstants;
import ai.automlgen.planner.search.SearchNode;
import ai.automlgen.planner.search.Selection;
import ai.automlgen.planner.search.Triggers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Monte Carlo Graph Search (AutoMLGen): tree selection as in {@link Mcts}, plus the cross-branch operators. After
 * drafts and debug chains come aggregation (the whole search stagnates) and fusion (a branch stagnates); an
 * improvement of a node whose chain keeps missing becomes an evolution that reads the node's whole trajectory.
 */
public final class Mcgs implements SearchPolicy {
    private final SearchConstants constants;
    private final Selection selection;
    private final Triggers triggers;

    public Mcgs(SearchConstants constants, Random random) {
        this.constants = constants;
        this.selection = new Selection(constants, random);
        this.triggers = new Triggers(constants);
    }

    @Override
    public String name() {
        return "mcgs";
    }

    @Override
    public Optional<Decision> next(GraphView graph, SearchClock clock) {
        return selection.draft(graph)
                .or(() -> selection.debugChain(graph))
                .or(() -> triggers.next(graph))
                .or(() -> selection.improveChain(graph).map(node -> improveOrEvolve(graph, node)))
                .or(() -> selection.exploit(graph, clock).map(node -> improveOrEvolve(graph, node)))
                .or(() -> selection.descend(graph, clock, node -> improveOrEvolve(graph, node)));
    }

    private Decision improveOrEvolve(GraphView graph, SearchNode node) {
        if (node.improveMisses() < constants.evolutionAfterMisses()) {
            return selection.improve(node);
        }
        return new Decision(Operator.EVOLUTION, node.id(), List.of(), trajectory(graph, node),
                constants.maxImproveChildren());
    }

    /** The path from the branch's first node down to {@code node}, oldest first. */
    private static List<String> trajectory(GraphView graph, SearchNode node) {
        List<String> path = new ArrayList<>();
        for (SearchNode step = node; !step.isRoot(); step = graph.node(step.parentId()).orElseThrow()) {
            path.add(step.id());
        }
        Collections.reverse(path);
        return path;
    }
}

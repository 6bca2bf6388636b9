package ai.automlgen.planner.search.policy;

import ai.automlgen.planner.search.Decision;
import ai.automlgen.planner.search.GraphView;
import ai.automlgen.planner.search.SearchClock;
import ai.automlgen.planner.search.SearchConstants;
import ai.automlgen.planner.search.Selection;

import java.util.Optional;
import java.util.Random;

/** Tree-only MCTS (ML-Master style): the selection rules of MCGS without evolution, fusion or aggregation. */
public final class Mcts implements SearchPolicy {
    private final Selection selection;

    public Mcts(SearchConstants constants, Random random) {
        this.selection = new Selection(constants, random);
    }

    @Override
    public String name() {
        return "mcts";
    }

    @Override
    public Optional<Decision> next(GraphView graph, SearchClock clock) {
        return selection.draft(graph)
                .or(() -> selection.debugChain(graph))
                .or(() -> selection.improveChain(graph).map(selection::improve))
                .or(() -> selection.exploit(graph, clock).map(selection::improve))
                .or(() -> selection.descend(graph, clock, selection::improve));
    }
}

package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

/** Builds graphs by hand for the rule tests: every node claimed without limits, then scored or left in flight. */
final class TestGraph {
    final SearchGraph graph;
    private int nextId = 1;

    TestGraph() {
        this(Objective.MAXIMIZE);
    }

    TestGraph(Objective objective) {
        this(new InMemorySearchGraph(objective, 0));
    }

    TestGraph(SearchGraph graph) {
        this.graph = graph;
    }

    /** A scored node: GOOD with {@code score}, BUGGY when it is null; misses as the engine would record them. */
    SearchNode scored(String parentId, Operator operator, Double score) {
        SearchNode pending = pending(parentId, operator);
        SearchNode parent = graph.node(parentId).orElseThrow();
        int misses = new Rewards(SearchConstants.DEFAULTS).improveMisses(pending, parent, score, graph.objective());
        graph.recordResult(pending.id(), score == null ? NodeStatus.BUGGY : NodeStatus.GOOD, score, misses, nextId);
        return graph.node(pending.id()).orElseThrow();
    }

    SearchNode pending(String parentId, Operator operator) {
        SearchNode parent = graph.node(parentId).orElseThrow();
        SearchNode child = SearchNode.pending("n" + nextId++, parent, operator, nextId);
        if (!graph.claimExpansion(child, ChildLimits.countedWith(operator), Integer.MAX_VALUE)) {
            throw new IllegalStateException("could not add " + child);
        }
        return child;
    }

    SearchNode draft(double score) {
        return scored(SearchNode.ROOT_ID, Operator.DRAFT, score);
    }

    SearchNode node(String id) {
        return graph.node(id).orElseThrow();
    }
}

package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.policy.SearchPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@link SearchGraphContract} in memory, where two replicas share one instance, and restoring a graph. */
class InMemorySearchGraphTest extends SearchGraphContract {

    @Override
    SearchGraph newGraph(Objective objective) {
        return new InMemorySearchGraph(objective, 0);
    }

    @Override
    SearchGraph sameGraphElsewhere(SearchGraph graph) {
        return graph;
    }

    private static List<Edge> allEdges(GraphView graph) {
        List<Edge> edges = new ArrayList<>(graph.edgesFrom(SearchNode.ROOT_ID));
        graph.nodes().forEach(node -> edges.addAll(graph.edgesFrom(node.id())));
        return edges;
    }

    @Test
    void restoredGraphReadsLikeTheOriginalAndLeadsToTheSameDecision() {
        SearchGraph original = SyntheticRun.of("mcgs", 5, 120, 3).graph;
        List<SearchNode> nodes = new ArrayList<>();
        nodes.add(original.root());
        nodes.addAll(original.nodes());
        InMemorySearchGraph restored = InMemorySearchGraph.restore(Objective.MAXIMIZE, nodes, allEdges(original));

        assertEquals(original.root(), restored.root());
        assertEquals(original.nodes(), restored.nodes());
        assertEquals(original.branches(), restored.branches());
        assertEquals(original.bestNodes(10), restored.bestNodes(10));
        assertEquals(original.nodeCount(), restored.nodeCount());
        assertEquals(new HashSet<>(allEdges(original)), new HashSet<>(allEdges(restored)));
        assertEquals(original.finishedLeaves().stream().map(SearchNode::id).sorted().toList(),
                restored.finishedLeaves().stream().map(SearchNode::id).sorted().toList());
        SearchClock clock = new FixedClock(0.6, 0.6);
        assertEquals(SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 9).next(original, clock),
                SearchPolicy.named("mcgs", SearchConstants.DEFAULTS, 9).next(restored, clock));
    }

    @Test
    void restoringANodeBeforeItsParentSaysWhich() {
        TestGraph t = new TestGraph();
        SearchNode draft = t.draft(0.5);
        SearchNode child = t.scored(draft.id(), Operator.IMPROVE, 0.6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InMemorySearchGraph.restore(Objective.MAXIMIZE, List.of(child, draft), List.of()));
        assertEquals("node " + child.id() + " comes before its parent " + draft.id(), e.getMessage());
    }
}

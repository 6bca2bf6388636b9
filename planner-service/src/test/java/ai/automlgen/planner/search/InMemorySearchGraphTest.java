package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.search.policy.SearchPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

    /**
     * A mirror that applies the original's nodes after random writes, each batch in a random order but with new
     * nodes in creation order (as a reader of the graph's changes gets them), reads like the original.
     */
    @Test
    void applyingChangedNodesInPlaceKeepsAMirrorReadingLikeTheOriginal() {
        InMemorySearchGraph original = new InMemorySearchGraph(Objective.MAXIMIZE, 5);
        InMemorySearchGraph mirror = InMemorySearchGraph.restore(Objective.MAXIMIZE, List.of(original.root()),
                List.of());
        Random order = new Random(3);
        Runnable catchUp = () -> {
            List<SearchNode> batch = new ArrayList<>(original.nodes());
            batch.add(original.root());
            Collections.shuffle(batch, order);
            List<SearchNode> fresh = original.nodes().stream()
                    .filter(node -> mirror.node(node.id()).isEmpty()).toList();
            Iterator<SearchNode> inCreationOrder = fresh.iterator();
            batch.replaceAll(node -> mirror.node(node.id()).isEmpty() ? inCreationOrder.next() : node);
            batch.forEach(mirror::apply);
            allEdges(original).stream().filter(edge -> edge.type() != EdgeType.PARENT).forEach(mirror::addEdge);
        };
        SearchGraphContract.randomWrites(List.of(original), new Random(11), catchUp);
        catchUp.run();

        Map<String, Object> expected = SearchGraphContract.readings(original);
        Map<String, Object> mirrored = SearchGraphContract.readings(mirror);
        assertEquals(expected.keySet(), mirrored.keySet());
        expected.forEach((reading, value) -> assertEquals(value, mirrored.get(reading), reading));
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

package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asserts that no node of a graph holds more live children than DESIGN §5 allows. */
final class ChildLimitInvariants {
    private ChildLimitInvariants() {
    }

    static void check(GraphView graph, SearchConstants constants) {
        int drafts = ChildLimits.liveChildren(graph, SearchNode.ROOT_ID, Operator.DRAFT);
        assertTrue(drafts <= constants.maxDrafts(), "root has " + drafts + " drafts");
        for (SearchNode node : graph.nodes()) {
            int debugs = ChildLimits.liveChildren(graph, node.id(), Operator.DEBUG);
            int improves = ChildLimits.liveChildren(graph, node.id(), Operator.IMPROVE);
            assertTrue(debugs <= constants.maxDebugChildren(), node.id() + " has " + debugs + " debug children");
            assertTrue(improves <= constants.maxImproveChildren(), node.id() + " has " + improves + " improvements");
            assertTrue(node.debugDepth() <= constants.maxDebugDepth(), node.id() + " is too deep a debug");
        }
    }
}

package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import java.util.EnumSet;
import java.util.Set;

/** Which children count against which limit (DESIGN §5), and whether a node may take another child. */
public final class ChildLimits {
    private static final Set<Operator> IMPROVING = EnumSet.of(Operator.IMPROVE, Operator.EVOLUTION, Operator.FUSION);

    private ChildLimits() {
    }

    /** The operators whose children share a limit with {@code operator}'s: improve, evolution and fusion share one. */
    public static Set<Operator> countedWith(Operator operator) {
        return IMPROVING.contains(operator) ? IMPROVING : EnumSet.of(operator);
    }

    /** Live (non-cancelled) children of {@code parent} that count against {@code operator}'s limit. */
    public static int liveChildren(GraphView graph, String parentId, Operator operator) {
        Set<Operator> counted = countedWith(operator);
        int count = 0;
        for (SearchNode child : graph.children(parentId)) {
            if (child.status() != NodeStatus.CANCELLED && counted.contains(child.operator())) {
                count++;
            }
        }
        return count;
    }

    /** Whether {@code node} can take one more {@code operator} child under {@code limit}. */
    public static boolean hasRoom(GraphView graph, SearchNode node, Operator operator, int limit) {
        return liveChildren(graph, node.id(), operator) < limit;
    }
}

package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where to expand next: apply {@code operator} to {@code parentId}. {@code referenceIds} are the nodes of other
 * branches a fusion borrows from or the branch bests an aggregation combines; {@code trajectoryIds} the
 * root-to-parent path an evolution reads, oldest first. The claim is valid while the parent has fewer than
 * {@code childLimit} live children of the operator's kind ({@link ChildLimits#countedWith}).
 */
public record Decision(Operator operator, String parentId, List<String> referenceIds, List<String> trajectoryIds,
                       int childLimit) {
    public Decision {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(parentId, "parentId");
        referenceIds = referenceIds == null ? List.of() : List.copyOf(referenceIds);
        trajectoryIds = trajectoryIds == null ? List.of() : List.copyOf(trajectoryIds);
    }

    public static Decision of(Operator operator, String parentId, int childLimit) {
        return new Decision(operator, parentId, List.of(), List.of(), childLimit);
    }

    /** The typed edges this decision adds besides PARENT, from the new node {@code childId}. */
    public List<Edge> extraEdges(String childId) {
        EdgeType referenceType = operator == Operator.AGGREGATION ? EdgeType.AGGREGATES : EdgeType.REFERENCE;
        return Stream.concat(
                referenceIds.stream().map(id -> new Edge(childId, id, referenceType)),
                trajectoryIds.stream().map(id -> new Edge(childId, id, EdgeType.TRAJECTORY))).toList();
    }
}

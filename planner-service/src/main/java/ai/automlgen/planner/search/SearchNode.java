package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import java.util.Objects;

/**
 * One node of the search graph as the search sees it (code and outputs live elsewhere).
 *
 * @param operator         the operator that made it; null only for the root
 * @param branch           id of the branch's first node (a draft or an aggregation); null for the root
 * @param score            validation score; null unless GOOD
 * @param visits           how many rewards were backpropagated through it
 * @param value            sum of those rewards
 * @param debugDepth       consecutive DEBUG steps ending at this node (a debug of a debug of a draft: 2)
 * @param improveMisses    consecutive steps in this node's improvement chain that did not improve on their parent
 * @param finishedAtMillis when it was scored; null until then
 */
public record SearchNode(String id, String parentId, Operator operator, String branch, int depth, NodeStatus status,
                         Double score, int visits, double value, int debugDepth, int improveMisses,
                         long createdAtMillis, Long finishedAtMillis) {
    public static final String ROOT_ID = "root";

    public SearchNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if ((parentId == null) != (operator == null)) {
            throw new IllegalArgumentException("only the root has neither parent nor operator: " + id);
        }
        if (status == NodeStatus.GOOD && score == null && parentId != null) {
            throw new IllegalArgumentException("a GOOD node needs a score: " + id);
        }
    }

    /** The root: no pipeline, only where drafts and aggregations hang from; GOOD without a score so it can be expanded. */
    public static SearchNode root(long createdAtMillis) {
        return new SearchNode(ROOT_ID, null, null, null, 0, NodeStatus.GOOD, null, 0, 0.0, 0, 0,
                createdAtMillis, createdAtMillis);
    }

    /** A freshly claimed child of {@code parent}: PENDING, branch and debug depth inherited as the operator says. */
    public static SearchNode pending(String id, SearchNode parent, Operator operator, long nowMillis) {
        boolean opensBranch = operator == Operator.DRAFT || operator == Operator.AGGREGATION;
        int debugDepth = operator == Operator.DEBUG ? parent.debugDepth + 1 : 0;
        return new SearchNode(id, parent.id, operator, opensBranch ? id : parent.branch, parent.depth + 1,
                NodeStatus.PENDING, null, 0, 0.0, debugDepth, parent.improveMisses, nowMillis, null);
    }

    public boolean isRoot() {
        return parentId == null;
    }

    public boolean isGood() {
        return status == NodeStatus.GOOD && !isRoot();
    }

    public SearchNode withStatus(NodeStatus newStatus) {
        return new SearchNode(id, parentId, operator, branch, depth, newStatus, score, visits, value, debugDepth,
                improveMisses, createdAtMillis, finishedAtMillis);
    }

    public SearchNode withResult(NodeStatus newStatus, Double newScore, int newImproveMisses, long atMillis) {
        return new SearchNode(id, parentId, operator, branch, depth, newStatus, newScore, visits, value, debugDepth,
                newImproveMisses, createdAtMillis, atMillis);
    }

    public SearchNode withVisit(double reward) {
        return new SearchNode(id, parentId, operator, branch, depth, status, score, visits + 1, value + reward,
                debugDepth, improveMisses, createdAtMillis, finishedAtMillis);
    }
}

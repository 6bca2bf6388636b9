package ai.automlgen.planner.search;

/** The UCT score and its exploration schedule (DESIGN §5). */
public final class Uct {
    private Uct() {
    }

    /**
     * UCT of a child: {@code Q/n + C·sqrt(ln N_parent / n)} with Q the child's summed reward, n its visits and
     * N_parent its parent's visits; an unvisited child scores +infinity so it is tried first.
     */
    public static double score(double value, int visits, int parentVisits, double explorationConstant) {
        if (visits == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double exploration = Math.sqrt(Math.log(Math.max(1, parentVisits)) / visits);
        return value / visits + explorationConstant * exploration;
    }

    /** C at a point of the node budget: published 1.414 until 30%, linear down to 0.5 at 70%, 0.5 after. */
    public static double explorationConstant(SearchConstants constants, double nodeFraction) {
        return constants.exploration().valueAt(nodeFraction);
    }
}

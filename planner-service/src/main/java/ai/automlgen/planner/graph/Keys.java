package ai.automlgen.planner.graph;

/** Redis key layout: everything of one run lives under {@code automlgen:run:{id}:…} (DESIGN §5). */
final class Keys {
    static final String PREFIX = "automlgen:";
    /** Sorted set of run ids by creation time (ms). */
    static final String RUNS = PREFIX + "runs";

    private Keys() {
    }

    static String run(String runId) {
        return PREFIX + "run:" + runId;
    }

    /** Every key of a run, for listing and deletion. */
    static String runPattern(String runId) {
        return run(runId) + ":*";
    }

    /** Sorted set of node ids by creation sequence. */
    static String nodes(String runId) {
        return run(runId) + ":nodes";
    }

    static String node(String runId, String nodeId) {
        return run(runId) + ":node:" + nodeId;
    }

    static String code(String runId, String nodeId) {
        return run(runId) + ":code:" + nodeId;
    }

    static String spec(String runId, String nodeId) {
        return run(runId) + ":spec:" + nodeId;
    }

    /** List of "from|to|TYPE" edges in insertion order. */
    static String edges(String runId) {
        return run(runId) + ":edges";
    }

    /** Hash evaluatorId → EvaluationCompleted JSON for one node. */
    static String evaluations(String runId, String nodeId) {
        return run(runId) + ":evals:" + nodeId;
    }

    /**
     * Prefix of the search graph the run's policy decides on ({@link RedisSearchGraph}): {@code …:search:meta},
     * {@code …:search:node:{node}}, {@code …:search:children:{node}}, {@code …:search:branch:{branch}},
     * {@code …:search:order}, {@code …:search:leaves}, {@code …:search:edges}, {@code …:search:edge-set},
     * {@code …:search:changes} (ids of changed nodes, in write order, for readers that mirror the graph; compacted,
     * the ids dropped counted in meta {@code changesTrimmed}).
     */
    static String search(String runId) {
        return run(runId) + ":search";
    }

    /**
     * The run's lease ({@link RedisRunLeases}): the token of the planner working on the run, with a time-to-live;
     * deleted with the run's other keys.
     */
    static String lease(String runId) {
        return run(runId) + ":lease";
    }

    /** Counter for node sequence numbers. */
    static String sequence(String runId) {
        return run(runId) + ":seq";
    }
}

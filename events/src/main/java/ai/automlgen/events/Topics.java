package ai.automlgen.events;

import java.util.List;

/** Kafka topic names (DESIGN §2). Channel name = topic name everywhere. */
public final class Topics {
    /** {@link TaskSubmitted}, planner → evaluator, keyed by runId. */
    public static final String TASKS = "tasks";
    /** {@link TaskPrepared} / {@link TaskRejected}, evaluator → planner, keyed by runId. */
    public static final String TASK_PREPARATIONS = "task-preparations";
    /** {@link KnowledgeQuery}, planner → knowledge, keyed by correlationId. */
    public static final String KNOWLEDGE_QUERIES = "knowledge-queries";
    /** {@link KnowledgeResult}, knowledge → planner, keyed by correlationId. */
    public static final String KNOWLEDGE_RESULTS = "knowledge-results";
    /** {@link ExecutionRequested}, planner → executor (one consumer group), keyed by nodeId. */
    public static final String EXECUTIONS = "executions";
    /** {@link ExecutionFinished}, executor → evaluator(s), keyed by runId. */
    public static final String EXECUTION_RESULTS = "execution-results";
    /** {@link EvaluationCompleted}, evaluator(s) → planner, keyed by runId. */
    public static final String EVALUATIONS = "evaluations";
    /** {@link SearchEvent}s, planner → dashboard, replay, audit, keyed by runId. */
    public static final String SEARCH_EVENTS = "search-events";

    public static final List<String> ALL = List.of(TASKS, TASK_PREPARATIONS, KNOWLEDGE_QUERIES,
            KNOWLEDGE_RESULTS, EXECUTIONS, EXECUTION_RESULTS, EVALUATIONS, SEARCH_EVENTS);

    private Topics() {
    }
}

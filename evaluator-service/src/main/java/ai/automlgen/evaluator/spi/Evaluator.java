package ai.automlgen.evaluator.spi;

import ai.automlgen.evaluator.RunRecord;
import ai.automlgen.events.ExecutionFinished;

/**
 * An evaluator of executions. Implementations are CDI beans; a run uses those whose {@link #id()}
 * its RunConfig.evaluators names. Evaluators outside this service need no bean: any process that
 * consumes execution-results and publishes EvaluationCompleted with its own evaluatorId takes part.
 * Implementations must not throw for bad outputs: every problem is a message in an invalid verdict.
 */
public interface Evaluator {

    /** The name RunConfig.evaluators and EvaluationCompleted.evaluatorId use. */
    String id();

    Verdict evaluate(RunRecord run, ExecutionFinished execution);
}

package ai.automlgen.evaluator.spi;

import ai.automlgen.evaluator.RunRecord;
import ai.automlgen.evaluator.task.TaskSpec;
import ai.automlgen.events.Grade;

import java.util.List;

/** One evaluator's judgement of one execution, before it becomes an EvaluationCompleted. */
public record Verdict(String metric, Double score, boolean lowerIsBetter, boolean valid, List<String> problems, Grade testGrade) {
    public Verdict {
        problems = List.copyOf(problems);
    }

    /** The execution is not scored; every problem says why. */
    static Verdict invalid(TaskSpec spec, List<String> problems) {
        return new Verdict(spec.metric(), null, spec.lowerIsBetter(), false, problems, null);
    }

    /** The run's task folder no longer loads, so nothing of it can be scored. */
    static Verdict unloadableTask(RunRecord run, String problem) {
        return new Verdict(run.prepared().task().metric(), null, run.prepared().task().lowerIsBetter(), false,
                List.of(problem), null);
    }
}

package ai.automlgen.evaluator.spi;

import ai.automlgen.events.Grade;

import java.util.List;

/** One evaluator's judgement of one execution, before it becomes an EvaluationCompleted. */
public record Verdict(String metric, Double score, boolean lowerIsBetter, boolean valid, List<String> problems, Grade testGrade) {
    public Verdict {
        problems = List.copyOf(problems);
    }
}

package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.metrics.Metric;
import ai.automlgen.evaluator.metrics.Metrics;
import ai.automlgen.evaluator.task.TaskSpec;

import java.io.IOException;
import java.nio.file.Path;

/** The shape a task's submissions must have, taken from a sample file (the sample submission or the valid one). */
public final class Shapes {
    private Shapes() {
    }

    public static SubmissionShape of(TaskSpec spec, Path sample) throws IOException {
        Metric metric = Metrics.find(spec.metric())
                .orElseThrow(() -> new IllegalArgumentException("unknown metric " + spec.metric()));
        return new SubmissionShape(Csv.header(sample), spec.idColumn(), spec.submissionColumns(), metric, spec.match());
    }
}

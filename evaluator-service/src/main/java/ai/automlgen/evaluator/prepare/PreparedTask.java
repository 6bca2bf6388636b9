package ai.automlgen.evaluator.prepare;

import ai.automlgen.events.PreparedInputs;

import java.nio.file.Path;

/** A task split for one run: what code sees, and where the evaluator keeps the validation labels. */
public record PreparedTask(PreparedInputs inputs, Path validLabels, Path validSampleSubmission) {
}

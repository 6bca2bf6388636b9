package ai.automlgen.evaluator.prepare;

import ai.automlgen.events.PreparedInputs;

import java.nio.file.Path;

/**
 * A task split for one run: what search nodes see ({@code input/}), what the final refit sees ({@code full/}), and
 * where the evaluator keeps the validation labels.
 */
public record PreparedTask(PreparedInputs inputs, PreparedInputs refitInputs, Path validLabels, Path validSampleSubmission) {
}

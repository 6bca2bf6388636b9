package ai.automlgen.evaluator.metrics;

import java.util.function.ToDoubleBiFunction;

/** A metric over text labels (class names, spans, ranked lists), defined by one function. */
record LabelMetric(String name, boolean lowerIsBetter,
                   ToDoubleBiFunction<String[][], String[][]> function) implements Metric {

    @Override
    public Input input() {
        return Input.LABELS;
    }

    @Override
    public double score(String[][] truth, String[][] predicted) {
        return function.applyAsDouble(truth, predicted);
    }
}

package ai.automlgen.evaluator.metrics;

import java.util.function.ToDoubleBiFunction;

/** A metric over numbers, defined by one function of the truth and prediction columns. */
record NumericMetric(String name, boolean lowerIsBetter, Input input,
                     ToDoubleBiFunction<double[][], double[][]> function) implements Metric {

    @Override
    public double score(double[][] truth, double[][] predicted) {
        return function.applyAsDouble(truth, predicted);
    }
}

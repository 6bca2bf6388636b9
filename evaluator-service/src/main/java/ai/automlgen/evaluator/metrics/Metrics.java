package ai.automlgen.evaluator.metrics;

import ai.automlgen.evaluator.metrics.Metric.Input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every metric a task.yaml may name, by name. {@code map@k} takes any k (map@3, map@12). */
public final class Metrics {
    private static final Pattern MAP_AT_K = Pattern.compile("map@(\\d+)");
    private static final Map<String, Metric> REGISTERED = new LinkedHashMap<>();

    static {
        labels("accuracy", false, column(Classification::accuracy));
        labels("balanced_accuracy", false, column(Classification::balancedAccuracy));
        labels("f1", false, column(Classification::f1Binary));
        labels("f1_macro", false, column(Classification::f1Macro));
        labels("f1_micro", false, column(Classification::f1Micro));
        labels("quadratic_weighted_kappa", false, column(Classification::quadraticWeightedKappa));
        numbers("roc_auc", false, Input.PROBABILITIES, Probabilistic::rocAucColumnMean);
        numbers("roc_auc_ovr", false, Input.PROBABILITIES, Probabilistic::rocAucColumnMean);
        numbers("log_loss", true, Input.PROBABILITIES, Probabilistic::logLoss);
        numbers("multi_class_log_loss", true, Input.PROBABILITIES, Probabilistic::logLoss);
        numbers("rmse", true, Input.NUMBERS, Regression::rmse);
        numbers("rmse_pixels", true, Input.NUMBERS, Regression::rmse);
        numbers("mae", true, Input.NUMBERS, Regression::mae);
        numbers("rmsle", true, Input.NON_NEGATIVE, Regression::rmsle);
        numbers("mean_columnwise_rmsle", true, Input.NON_NEGATIVE, Regression::meanColumnwiseRmsle);
        numbers("r2", false, Input.NUMBERS, Regression::r2);
        numbers("pearson", false, Input.NUMBERS, Regression::pearson);
        numbers("spearman", false, Input.NUMBERS, Regression::spearman);
        REGISTERED.put("jaccard_word_mean", new LabelMetric("jaccard_word_mean", false, TextOverlap::jaccardWordMean));
    }

    private Metrics() {
    }

    public static Optional<Metric> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher mapAtK = MAP_AT_K.matcher(name);
        if (mapAtK.matches()) {
            int k = Integer.parseInt(mapAtK.group(1));
            return k < 1 ? Optional.empty()
                    : Optional.of(new LabelMetric(name, false, (y, p) -> TextOverlap.mapAtK(y, p, k)));
        }
        return Optional.ofNullable(REGISTERED.get(name));
    }

    /** Names for help and error messages. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(REGISTERED.keySet());
        names.add("map@k");
        return names;
    }

    private static void numbers(String name, boolean lowerIsBetter, Input input,
                                ToDoubleBiFunction<double[][], double[][]> f) {
        REGISTERED.put(name, new NumericMetric(name, lowerIsBetter, input, f));
    }

    private static void labels(String name, boolean lowerIsBetter,
                               ToDoubleBiFunction<String[][], String[][]> f) {
        REGISTERED.put(name, new LabelMetric(name, lowerIsBetter, f));
    }

    /** A single-column label metric applied to the first submission column. */
    private static ToDoubleBiFunction<String[][], String[][]> column(
            ToDoubleBiFunction<String[], String[]> f) {
        return (y, p) -> f.applyAsDouble(y[0], p[0]);
    }
}

package ai.automlgen.evaluator.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric against scikit-learn / scipy / numpy computing the same thing on the same arrays
 * (one /usr/bin/python3 call for the whole class), to 1e-9 relative.
 */
@Tag("stack")
class MetricsTest {
    private static final int N = 400;
    private static final Map<String, Object> DATA = new LinkedHashMap<>();
    private static JsonNode reference;

    @BeforeAll
    static void computeReferenceValuesInPython(@TempDir Path temp) throws IOException, InterruptedException {
        Random random = new Random(42);
        String[] binaryTruth = new String[N];
        String[] binaryPred = new String[N];
        String[] multiTruth = new String[N];
        String[] multiPred = new String[N];
        String[] ordinalTruth = new String[N];
        String[] ordinalPred = new String[N];
        double[] proba = new double[N];
        double[] probaTruth = new double[N];
        double[][] multiProba = new double[3][N];
        double[][] multiOneHot = new double[3][N];
        double[][] regTruth = new double[2][N];
        double[][] regPred = new double[2][N];
        double[] rankTruth = new double[N];
        double[] rankPred = new double[N];
        String[] mapTruth = new String[N];
        String[] mapPred = new String[N];
        String[] spanTruth = new String[N];
        String[] spanPred = new String[N];
        String[] words = {"good", "bad", "Happy", "sad", "day", "the", "a", "fun"};
        for (int i = 0; i < N; i++) {
            binaryTruth[i] = random.nextBoolean() ? "1" : "0";
            binaryPred[i] = random.nextDouble() < 0.7 ? binaryTruth[i] : (random.nextBoolean() ? "1" : "0");
            multiTruth[i] = "c" + random.nextInt(4);
            multiPred[i] = random.nextDouble() < 0.6 ? multiTruth[i] : "c" + random.nextInt(5);
            ordinalTruth[i] = String.valueOf(random.nextInt(5));
            ordinalPred[i] = String.valueOf(Math.max(0, Math.min(4, Integer.parseInt(ordinalTruth[i]) + random.nextInt(3) - 1)));
            probaTruth[i] = random.nextBoolean() ? 1 : 0;
            double p = Math.round(Math.min(1, Math.max(0, 0.5 + (probaTruth[i] - 0.5) * 0.4 + random.nextGaussian() * 0.3)) * 20) / 20.0;
            proba[i] = p;
            int cls = random.nextInt(3);
            for (int c = 0; c < 3; c++) {
                multiOneHot[c][i] = c == cls ? 1 : 0;
                multiProba[c][i] = c == cls ? 0.5 + random.nextDouble() : random.nextDouble();
            }
            if (i % 50 == 0) {
                multiProba[cls][i] = 0;
            }
            for (int c = 0; c < 2; c++) {
                regTruth[c][i] = Math.exp(random.nextGaussian());
                regPred[c][i] = Math.max(0, regTruth[c][i] + random.nextGaussian() * 0.3);
            }
            rankTruth[i] = random.nextInt(10);
            rankPred[i] = rankTruth[i] + random.nextInt(4);
            mapTruth[i] = "L" + random.nextInt(6);
            mapPred[i] = "L" + random.nextInt(6) + " L" + random.nextInt(6) + " L" + random.nextInt(6) + " L" + random.nextInt(6);
            spanTruth[i] = phrase(random, words);
            spanPred[i] = i % 40 == 0 ? "" : phrase(random, words);
        }
        spanTruth[0] = "";
        DATA.putAll(Map.ofEntries(Map.entry("binary_truth", binaryTruth), Map.entry("binary_pred", binaryPred),
                Map.entry("multi_truth", multiTruth), Map.entry("multi_pred", multiPred),
                Map.entry("ordinal_truth", ordinalTruth), Map.entry("ordinal_pred", ordinalPred),
                Map.entry("binary_proba", proba), Map.entry("binary_proba_truth", probaTruth),
                Map.entry("multi_proba", multiProba), Map.entry("multi_onehot", multiOneHot),
                Map.entry("reg_truth", regTruth), Map.entry("reg_pred", regPred),
                Map.entry("rank_truth", rankTruth), Map.entry("rank_pred", rankPred),
                Map.entry("map_truth", mapTruth), Map.entry("map_pred", mapPred),
                Map.entry("span_truth", spanTruth), Map.entry("span_pred", spanPred)));
        Path input = temp.resolve("arrays.json");
        new ObjectMapper().writeValue(input.toFile(), DATA);
        Path script = temp.resolve("metrics_reference.py");
        try (InputStream in = MetricsTest.class.getResourceAsStream("/metrics_reference.py")) {
            Files.copy(in, script);
        }
        Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), input.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), output);
        reference = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static String phrase(Random random, String[] words) {
        StringBuilder s = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int k = 0; k < count; k++) {
            s.append(k == 0 ? "" : random.nextBoolean() ? " " : "\u00a0 ").append(words[random.nextInt(words.length)]);
        }
        return s.toString();
    }

    private static String[] labels(String key) {
        return (String[]) DATA.get(key);
    }

    private static double[] numbers(String key) {
        return (double[]) DATA.get(key);
    }

    private static double[][] columns(String key) {
        return (double[][]) DATA.get(key);
    }

    private static double labelScore(String metric, String truth, String predicted) {
        return Metrics.find(metric).orElseThrow().score(new String[][]{labels(truth)}, new String[][]{labels(predicted)});
    }

    private static double numberScore(String metric, double[][] truth, double[][] predicted) {
        return Metrics.find(metric).orElseThrow().score(truth, predicted);
    }

    private static void assertMatches(String referenceKey, double actual) {
        double expected = reference.get(referenceKey).asDouble();
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-15, referenceKey);
    }

    @Test
    void accuracyMatchesScikitLearn() {
        assertMatches("accuracy_binary", labelScore("accuracy", "binary_truth", "binary_pred"));
        assertMatches("accuracy_multi", labelScore("accuracy", "multi_truth", "multi_pred"));
    }

    @Test
    void balancedAccuracyMatchesScikitLearn() {
        assertMatches("balanced_accuracy_binary", labelScore("balanced_accuracy", "binary_truth", "binary_pred"));
        assertMatches("balanced_accuracy_multi", labelScore("balanced_accuracy", "multi_truth", "multi_pred"));
    }

    @Test
    void f1BinaryMacroAndMicroMatchScikitLearn() {
        assertMatches("f1_binary", labelScore("f1", "binary_truth", "binary_pred"));
        assertMatches("f1_macro", labelScore("f1_macro", "multi_truth", "multi_pred"));
        assertMatches("f1_micro", labelScore("f1_micro", "multi_truth", "multi_pred"));
    }

    @Test
    void quadraticWeightedKappaMatchesScikitLearn() {
        assertMatches("qwk", labelScore("quadratic_weighted_kappa", "ordinal_truth", "ordinal_pred"));
    }

    @Test
    void rocAucWithTiedScoresMatchesScikitLearn() {
        assertMatches("roc_auc_binary", numberScore("roc_auc", new double[][]{numbers("binary_proba_truth")}, new double[][]{numbers("binary_proba")}));
    }

    @Test
    void rocAucOneVsRestIsTheColumnwiseMean() {
        assertMatches("roc_auc_ovr", numberScore("roc_auc_ovr", columns("multi_onehot"), columns("multi_proba")));
    }

    @Test
    void binaryLogLossClipsExactZerosAndOnes() {
        assertMatches("log_loss_binary", numberScore("log_loss", new double[][]{numbers("binary_proba_truth")}, new double[][]{numbers("binary_proba")}));
    }

    @Test
    void multiClassLogLossClipsAndRenormalisesRows() {
        assertMatches("log_loss_multi", numberScore("multi_class_log_loss", columns("multi_onehot"), columns("multi_proba")));
    }

    @Test
    void regressionErrorsMatchNumpy() {
        double[][] truth = {columns("reg_truth")[0]};
        double[][] predicted = {columns("reg_pred")[0]};
        assertMatches("rmse", numberScore("rmse", truth, predicted));
        assertMatches("mae", numberScore("mae", truth, predicted));
        assertMatches("rmsle", numberScore("rmsle", truth, predicted));
        assertMatches("pearson", numberScore("pearson", truth, predicted));
    }

    @Test
    void perPixelRmsePoolsEveryCell() {
        assertMatches("rmse_pixels", numberScore("rmse_pixels", columns("reg_truth"), columns("reg_pred")));
    }

    @Test
    void meanColumnwiseRmsleAveragesColumns() {
        assertMatches("mean_columnwise_rmsle", numberScore("mean_columnwise_rmsle", columns("reg_truth"), columns("reg_pred")));
    }

    @Test
    void r2AveragesColumnsUniformly() {
        assertMatches("r2", numberScore("r2", columns("reg_truth"), columns("reg_pred")));
    }

    @Test
    void spearmanWithTiesMatchesScipy() {
        assertMatches("spearman", numberScore("spearman", new double[][]{numbers("rank_truth")}, new double[][]{numbers("rank_pred")}));
    }

    @Test
    void mapAtKCountsRepeatedGuessesOnce() {
        assertMatches("map3", labelScore("map@3", "map_truth", "map_pred"));
    }

    @Test
    void jaccardWordMeanSplitsOnUnicodeWhitespace() {
        assertMatches("jaccard", labelScore("jaccard_word_mean", "span_truth", "span_pred"));
    }

    @Test
    void everyBenchMetricIsRegistered() {
        for (String name : List.of("multi_class_log_loss", "mean_columnwise_rmsle", "roc_auc", "rmse_pixels", "accuracy", "jaccard_word_mean", "pearson")) {
            assertTrue(Metrics.find(name).isPresent(), name);
        }
    }
}

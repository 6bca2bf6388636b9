package ai.automlgen.evaluator.benchmark;

import ai.automlgen.evaluator.Bench;
import ai.automlgen.evaluator.grading.GradeResult;
import ai.automlgen.evaluator.grading.Grader;
import ai.automlgen.evaluator.grading.SubmissionShape;
import ai.automlgen.evaluator.grading.TestGrade;
import ai.automlgen.evaluator.grading.TestSetGrader;
import ai.automlgen.evaluator.metrics.Metrics;
import ai.automlgen.evaluator.task.MatchRule;
import ai.automlgen.evaluator.task.TaskLoader;
import ai.automlgen.evaluator.task.TaskSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Throughput of the evaluator, printed, never asserted. Runs only when asked:
 * {@code mvn -B -o -pl evaluator-service test -Dtest=GradingBenchmark -Dbenchmark=true}.
 * Also grades the 5.8M-row denoising answers in a child JVM with the service's heap (-Xmx384m).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class GradingBenchmark {
    private static final int ROWS = 100_000;
    private static final int ROUNDS = 20;

    @TempDir
    Path temp;

    @Test
    void evaluationsPerSecondForAHundredThousandRowSubmission() throws IOException {
        Random random = new Random(1);
        Path answers = temp.resolve("answers.csv");
        Path shuffled = temp.resolve("submission-shuffled.csv");
        Path inOrder = temp.resolve("submission.csv");
        int[] order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = i;
        }
        for (int i = ROWS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] p = new double[ROWS];
        try (BufferedWriter a = Files.newBufferedWriter(answers); BufferedWriter s = Files.newBufferedWriter(inOrder)) {
            a.write("id,target\n");
            s.write("id,target\n");
            for (int i = 0; i < ROWS; i++) {
                int y = random.nextInt(2);
                p[i] = Math.min(1, Math.max(0, 0.5 + (y - 0.5) * 0.3 + random.nextGaussian() * 0.2));
                a.write(String.format("id%06d,%d%n", i, y));
                s.write(String.format("id%06d,%s%n", i, p[i]));
            }
        }
        try (BufferedWriter s = Files.newBufferedWriter(shuffled)) {
            s.write("id,target\n");
            for (int i : order) {
                s.write(String.format("id%06d,%s%n", i, p[i]));
            }
        }
        for (String metric : List.of("roc_auc", "log_loss", "rmse")) {
            SubmissionShape shape = new SubmissionShape(List.of("id", "target"), "id", List.of("target"), Metrics.find(metric).orElseThrow(), MatchRule.ID);
            for (Path submission : List.of(inOrder, shuffled)) {
                Grader.grade(submission, shape, answers);
                long start = System.nanoTime();
                GradeResult last = null;
                for (int r = 0; r < ROUNDS; r++) {
                    last = Grader.grade(submission, shape, answers);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("benchmark: %s, %,d rows, %s: %.2f evaluations/s (%.0f ms each), score %.6f%n", metric, ROWS,
                        submission == inOrder ? "ids in answer order" : "ids shuffled", ROUNDS / seconds, seconds * 1000 / ROUNDS, last.score());
            }
        }
    }

    @Test
    void denoisingAnswersGradeInTheServiceHeap() throws IOException, InterruptedException {
        Path task = Bench.task("denoising-dirty-documents");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                DenoisingGrade.class.getName(), task.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);
        System.out.println("benchmark: denoising child JVM exit code " + child.waitFor());
    }

    /** Grades the denoising answers as a submission in a JVM with the evaluator's heap. */
    public static final class DenoisingGrade {
        public static void main(String[] args) throws IOException {
            TaskSpec spec = TaskLoader.load(Path.of(args[0])).spec().orElseThrow();
            long start = System.nanoTime();
            TestGrade grade = TestSetGrader.grade(spec, spec.privateAnswers().orElseThrow());
            Runtime rt = Runtime.getRuntime();
            System.out.printf("benchmark: denoising answers (5,789,880 rows) graded in %.1f s with -Xmx%dm: score %s, valid %s, medal %s, heap used %d MB%n",
                    (System.nanoTime() - start) / 1e9, rt.maxMemory() >> 20, grade.score(), grade.valid(), grade.medal(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}

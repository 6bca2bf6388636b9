package ai.automlgen.executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDirRuleTest {
    private static final Path RUNS = Path.of("/home/u/.automlgen/runs");

    private static Optional<String> problem(String inputDir) {
        return InputDirRule.problem(Path.of(inputDir), RUNS);
    }

    @Test
    void aRunsPreparedInputAndFullFoldersAreAllowed() {
        assertEquals(Optional.empty(), problem("/home/u/.automlgen/runs/run-1/input"));
        assertEquals(Optional.empty(), problem("/home/u/.automlgen/runs/run-1/full"));
        assertEquals(Optional.empty(), problem("/home/u/.automlgen/runs/run-1/input/images"));
    }

    @Test
    void foldersOutsideTheRunsFolderAreAllowed() {
        assertEquals(Optional.empty(), problem("/data/my-task"));
        assertEquals(Optional.empty(), problem("/home/u/.automlgen/runs-old/run-1/evaluator"));
    }

    @Test
    void aRunsEvaluatorFolderIsRefusedSayingWhatToNameInstead() {
        String problem = problem("/home/u/.automlgen/runs/run-1/evaluator").orElseThrow();
        assertEquals("inputDir /home/u/.automlgen/runs/run-1/evaluator is not a prepared input of its run, and the run's"
                + " evaluator/ folder holds validation labels code must not see: name a run's prepared input/ or full/"
                + " (/home/u/.automlgen/runs/<runId>/input) or a folder outside /home/u/.automlgen/runs", problem);
    }

    @Test
    void aRunsOwnFolderIsRefused() {
        assertTrue(problem("/home/u/.automlgen/runs/run-1").isPresent());
    }

    @Test
    void foldersHoldingTheRunsFolderAreRefused() {
        assertTrue(problem("/home/u/.automlgen/runs").orElseThrow().contains("holds /home/u/.automlgen/runs"));
        assertTrue(problem("/home/u/.automlgen").isPresent());
        assertTrue(problem("/").isPresent());
    }

    @Test
    void aLinkToAnEvaluatorFolderIsRefused(@TempDir Path home) throws IOException {
        Path evaluator = Files.createDirectories(home.resolve("runs/run-1/evaluator"));
        Path link = Files.createSymbolicLink(home.resolve("looks-harmless"), evaluator);
        assertTrue(new InputDirRule(home.resolve("runs")).problem(link.toString()).isPresent());
    }

    @Test
    void aRequestNamingARunsEvaluatorFolderIsRefused(@TempDir Path home) throws IOException {
        Path evaluator = Files.createDirectories(home.resolve("runs/run-1/evaluator"));
        String problem = new InputDirRule(home.resolve("runs")).problem(evaluator.toString()).orElseThrow();
        assertTrue(problem.startsWith("inputDir " + evaluator.toRealPath() + " is not a prepared input of its run"), problem);
    }

    @Test
    void aRequestNamingAReadablePreparedInputIsAllowed(@TempDir Path home) throws IOException {
        Path input = Files.createDirectories(home.resolve("runs/run-1/input"));
        Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.empty(), new InputDirRule(home.resolve("runs")).problem(input.toString()));
    }

    @Test
    void aRelativeInputDirIsRefused() {
        assertEquals(Optional.of("inputDir must be an absolute path, got 'runs/run-1/input'"),
                new InputDirRule(RUNS).problem("runs/run-1/input"));
    }

    @Test
    void anInputDirThatIsNoFolderIsRefused(@TempDir Path home) throws IOException {
        Path file = Files.writeString(home.resolve("train.csv"), "x\n");
        String problem = new InputDirRule(home.resolve("runs")).problem(file.toString()).orElseThrow();
        assertTrue(problem.startsWith("inputDir " + file + " is not a folder on the executor's host"), problem);
    }

    @Test
    void aFolderOthersCannotReadIsRefusedSayingHowToFixIt(@TempDir Path home) throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        assertEquals(Optional.of("inputDir " + data + " is not readable by others, and sandboxed code runs as an"
                        + " unprivileged user: make it readable (chmod -R o+rX " + data + ")"),
                new InputDirRule(home.resolve("runs")).problem(data.toString()));
    }
}

package ai.automlgen.executor.sandbox;

import ai.automlgen.events.Outcome;
import ai.automlgen.executor.ExecutionRunner;
import ai.automlgen.executor.artifacts.FileArtifactStore;
import ai.automlgen.executor.slots.SlotLease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Untrusted code against a real sandbox: each hostile script is contained, reported with the
 * right outcome, and the sandbox then runs the next script normally. Subclasses supply the sandbox.
 */
@Tag("stack")
abstract class HostileCodeContract {
    static final SandboxLimits LIMITS = new SandboxLimits(64, 64, 64, 4096, 4096);
    static final long MEMORY_MB = 768;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path temp;
    Path input;
    Path models;
    Path secrets;
    ExecutionRunner runner;

    abstract Sandbox sandbox();

    @BeforeEach
    void layOutAHostLikeTheStack() throws IOException {
        // World-readable on purpose: only the sandbox stands between the code and these files.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        input = Files.createDirectories(temp.resolve("home/runs/run-1/input"));
        Files.writeString(input.resolve("train.csv"), "id,y\n1,0\n2,1\n");
        models = Files.createDirectories(temp.resolve("home/models/encoder"));
        Files.writeString(models.resolve("tokenizer.json"), "{}");
        models = models.getParent();
        secrets = Files.createDirectories(temp.resolve("home/runs/run-1/evaluator"));
        Files.writeString(secrets.resolve("valid_labels.csv"), "id,y\n3,1\n");
        Files.createDirectories(temp.resolve("bench/task/private"));
        Files.writeString(temp.resolve("bench/task/private/test.csv"), "id,y\n9,1\n");
        runner = new ExecutionRunner(new FileArtifactStore(temp.resolve("artifacts"), 1 << 20, 1 << 22),
                temp.resolve("work"), models, "test-executor", 42);
    }

    @AfterEach
    void sandboxKeepsServingTheNextRequest() throws InterruptedException {
        SandboxResult next = run("print('next')", Duration.ofSeconds(60));
        assertEquals(Outcome.OK, next.outcome(), next.stderrTail());
        assertEquals("next\n", next.stdoutTail());
    }

    SandboxResult run(String source, Duration timeout) throws InterruptedException {
        return runner.runScript(source, input, sandbox(), SlotLease.unpooled(0, 1, MEMORY_MB), timeout);
    }

    @Test
    void seesItsInputAndWritesItsOutput() throws InterruptedException {
        SandboxResult result = run("""
                import os
                print(open(os.path.join(os.environ['AUTOMLGEN_INPUT'], 'train.csv')).read().count('\\n'))
                open(os.path.join(os.environ['AUTOMLGEN_OUTPUT'], 'submission.csv'), 'w').write('id,y\\n')
                print(open('input/train.csv').readline().strip(), os.environ['AUTOMLGEN_SEED'],
                      os.environ['AUTOMLGEN_TIME_LIMIT'])
                """, Duration.ofSeconds(60));
        assertEquals(Outcome.OK, result.outcome(), result.stderrTail());
        assertEquals("3\nid,y 42 60\n", result.stdoutTail());
    }

    @Test
    void readsPretrainedModelsButCannotChangeThem() throws InterruptedException {
        SandboxResult result = run("""
                import os
                models = os.environ['AUTOMLGEN_MODELS']
                print(models, open(os.path.join(models, 'encoder', 'tokenizer.json')).read())
                for path in ('encoder/tokenizer.json', 'encoder/planted.onnx'):
                    try:
                        open(os.path.join(models, path), 'w').write('changed')
                        print('WROTE', path)
                    except OSError:
                        print('read-only')
                """, Duration.ofSeconds(60));
        assertEquals(Outcome.OK, result.outcome(), result.stderrTail());
        assertEquals("/models {}\nread-only\nread-only\n", result.stdoutTail());
    }

    @Test
    void runtimeHasThePythonMlStack() throws InterruptedException {
        SandboxResult result = run("""
                import numpy, pandas, scipy, sklearn, xgboost, PIL, skimage
                from sklearn.linear_model import LogisticRegression
                print(LogisticRegression().fit([[0], [1]], [0, 1]).predict([[1]])[0])
                """, Duration.ofSeconds(120));
        assertEquals(Outcome.OK, result.outcome(), result.stderrTail());
        assertEquals("1\n", result.stdoutTail());
    }

    @Test
    void hasNoNetworkNotEvenToKafkaOrRedisOnTheHost() throws InterruptedException {
        SandboxResult result = run("""
                import socket
                print(sorted(name for _, name in socket.if_nameindex()))
                for host, port in [('127.0.0.1', 9092), ('127.0.0.1', 6379), ('1.1.1.1', 80)]:
                    try:
                        socket.create_connection((host, port), timeout=3)
                        print('CONNECTED', host, port)
                    except OSError as e:
                        print('blocked', port)
                """, Duration.ofSeconds(60));
        assertEquals(Outcome.OK, result.outcome(), result.stderrTail());
        assertEquals("['lo']\nblocked 9092\nblocked 6379\nblocked 80\n", result.stdoutTail());
    }

    @Test
    void cannotReadValidationLabelsOrPrivateAnswers() throws InterruptedException {
        SandboxResult result = run("""
                import os
                for path in %s:
                    try:
                        open(path).read()
                        print('READ', path)
                    except OSError as e:
                        print('hidden')
                print(os.path.exists(%s))
                """.formatted(pythonList(secrets.resolve("valid_labels.csv"), temp.resolve("bench/task/private/test.csv"),
                Path.of("/etc/shadow")), pythonString(temp.toString())), Duration.ofSeconds(60));
        assertEquals(Outcome.OK, result.outcome(), result.stderrTail());
        assertEquals("hidden\nhidden\nhidden\nFalse\n", result.stdoutTail());
    }

    @Test
    void cannotWriteOutsideItsWorkDirectory() throws InterruptedException {
        Path hostFile = temp.resolve("written-by-sandbox");
        SandboxResult result = run("""
                import os
                for path in ['/usr/evil', '/etc/evil', os.path.join(os.environ['AUTOMLGEN_INPUT'], 'evil'), %s]:
                    try:
                        open(path, 'w').write('x')
                        print('WROTE', path)
                    except OSError:
                        print('refused')
                """.formatted(pythonString(hostFile.toString())), Duration.ofSeconds(60));
        assertEquals(Outcome.OK, result.outcome(), result.stderrTail());
        assertEquals("refused\nrefused\nrefused\nrefused\n", result.stdoutTail());
        assertFalse(Files.exists(hostFile));
        assertFalse(Files.exists(input.resolve("evil")));
    }

    @Test
    void forkBombHitsTheProcessLimit() throws InterruptedException {
        SandboxResult result = run("""
                import os
                while True:
                    os.fork()
                """, Duration.ofSeconds(60));
        assertEquals(Outcome.KILLED, result.outcome(), result.detail() + "\n" + result.stderrTail());
        assertTrue(result.detail().contains("process limit"), result.detail());
    }

    @Test
    void memoryBombIsOutOfMemory() throws InterruptedException {
        SandboxResult result = run("""
                chunks = []
                while True:
                    chunks.append(b'x' * (64 * 1024 * 1024))
                """, Duration.ofSeconds(120));
        assertEquals(Outcome.OUT_OF_MEMORY, result.outcome(), result.detail() + "\n" + result.stderrTail());
    }

    @Test
    void fillingTheDiskStopsAtTheFileSizeLimit() throws InterruptedException {
        SandboxResult result = run("""
                with open('output/huge.bin', 'wb') as f:
                    for _ in range(100_000):
                        f.write(b'x' * (1024 * 1024))
                """, Duration.ofSeconds(120));
        assertEquals(Outcome.KILLED, result.outcome(), result.detail() + "\n" + result.stderrTail());
        assertTrue(result.detail().contains("file size limit"), result.detail());
    }

    @Test
    void endlessLoopTimesOutAndIsKilled() throws InterruptedException {
        SandboxResult result = run("while True:\n    pass\n", Duration.ofSeconds(3));
        assertEquals(Outcome.TIMEOUT, result.outcome());
        assertNull(result.exitCode());
        assertTrue(result.durationMs() < 30_000, "killed promptly, took " + result.durationMs() + " ms");
    }

    @Test
    void aGigabyteOfStdoutIsCountedButOnlyHeadAndTailKept() throws InterruptedException {
        SandboxResult result = run("""
                import sys
                line = b'y' * 1023 + b'\\n'
                block = line * 1024
                for _ in range(1024):
                    sys.stdout.buffer.write(block)
                sys.stdout.buffer.write(b'THE END\\n')
                """, Duration.ofSeconds(300));
        assertEquals(Outcome.OK, result.outcome(), result.stderrTail());
        assertEquals(1024L * 1024 * 1024 + 8, result.outputBytes());
        assertTrue(result.stdoutTail().length() < 10_000, "kept " + result.stdoutTail().length() + " chars");
        assertTrue(result.stdoutTail().endsWith("THE END\n"));
        assertTrue(result.stdoutTail().contains("bytes left out"));
    }

    static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String pythonList(Path... paths) {
        StringBuilder list = new StringBuilder("[");
        for (Path p : paths) {
            list.append(pythonString(p.toString())).append(", ");
        }
        return list.append("]").toString();
    }
}

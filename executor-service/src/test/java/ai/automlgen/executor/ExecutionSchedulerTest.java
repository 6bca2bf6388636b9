package ai.automlgen.executor;

import ai.automlgen.events.CodeRef;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionSchedulerTest {
    @TempDir
    Path home;

    @Test
    void aRunInterruptedByShutdownIsNeitherAnsweredNorStored() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        ExecutionScheduler scheduler = TestExecutors.scheduler(home, new StubSandbox(run -> {
            running.countDown();
            Thread.sleep(60_000);
            return StubSandbox.OK;
        }));
        CompletableFuture<ExecutionFinished> finished = scheduler.submit(TestExecutors.request("node-1")).finished();
        assertTrue(running.await(10, TimeUnit.SECONDS));

        scheduler.shutdown();

        ExecutionException e = assertThrows(ExecutionException.class, () -> finished.get(10, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertEquals(Optional.empty(), TestExecutors.results(home).find(TestExecutors.RUN_ID, "node-1"));
    }

    @Test
    void anErrorInTheExecutorStillAnswersTheRequestAsExecutorFailed() throws Exception {
        StubSandbox failing = new StubSandbox(run -> {
            throw new OutOfMemoryError("Java heap space");
        });

        ExecutionFinished finished = TestExecutors.scheduler(home, failing)
                .submit(TestExecutors.request("node-1")).finished().get(10, TimeUnit.SECONDS);

        assertEquals(Outcome.EXECUTOR_FAILED, finished.outcome());
        assertEquals("the executor could not run this node: Java heap space", finished.detail());
    }

    @Test
    void aRequestMountingARunsEvaluatorFolderIsRejectedSayingWhy() throws Exception {
        Path evaluator = Files.createDirectories(home.resolve("runs/run-1/evaluator"));
        ExecutionRequested request = ExecutionRequested.of(TestExecutors.RUN_ID, "node-1", CodeRef.python("print(1)"),
                evaluator.toString(), new Resources(1, 512, 0), Duration.ofMinutes(1), false);

        ExecutionFinished finished = TestExecutors.scheduler(home, new StubSandbox(run -> StubSandbox.OK))
                .submit(request).finished().get(10, TimeUnit.SECONDS);

        assertEquals(Outcome.REJECTED, finished.outcome());
        assertTrue(finished.detail().startsWith("inputDir " + evaluator.toRealPath() + " is not a prepared input of its run"),
                finished.detail());
    }

    @Test
    void aRequestMountingARunsPreparedInputRuns() throws Exception {
        Path input = Files.createDirectories(home.resolve("runs/run-1/input"));
        ExecutionRequested request = ExecutionRequested.of(TestExecutors.RUN_ID, "node-1", CodeRef.python("print(1)"),
                input.toString(), new Resources(1, 512, 0), Duration.ofMinutes(1), false);

        ExecutionFinished finished = TestExecutors.scheduler(home, new StubSandbox(run -> StubSandbox.OK))
                .submit(request).finished().get(10, TimeUnit.SECONDS);

        assertEquals(Outcome.OK, finished.outcome(), finished.detail());
    }
}

package ai.automlgen.executor;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.Outcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a request is acknowledged, against a stand-in for Kafka (no broker needed). */
class ExecutionHandlerPublishTest {
    @TempDir
    Path home;

    @Test
    void aResultKafkaRefusesAtFirstIsPublishedAgainBeforeTheRequestIsAcknowledged() throws Exception {
        FlakyResults results = new FlakyResults(1);
        ExecutionHandler handler = new ExecutionHandler(TestExecutors.scheduler(home, new StubSandbox(run -> StubSandbox.OK)),
                results);
        Acks acks = new Acks();

        handler.onExecutionRequested(acks.message(EventJson.write(TestExecutors.request("node-1"))));

        assertEquals("ack", acks.settled.get(30, TimeUnit.SECONDS));
        assertEquals(2, results.attempts.get());
        ExecutionFinished published = EventJson.read(results.published.get(0), ExecutionFinished.class);
        assertEquals(List.of("node-1", "OK"), List.of(published.nodeId(), published.outcome().name()));
        assertEquals(Outcome.OK, TestExecutors.results(home).find(TestExecutors.RUN_ID, "node-1").orElseThrow().outcome());
    }

    @Test
    void aRunInterruptedByShutdownLeavesItsRequestUnacknowledgedForRedelivery() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        ExecutionScheduler scheduler = TestExecutors.scheduler(home, new StubSandbox(run -> {
            running.countDown();
            Thread.sleep(60_000);
            return StubSandbox.OK;
        }));
        FlakyResults results = new FlakyResults(0);
        Acks acks = new Acks();
        new ExecutionHandler(scheduler, results).onExecutionRequested(acks.message(EventJson.write(TestExecutors.request("node-1"))));
        assertTrue(running.await(10, TimeUnit.SECONDS));

        scheduler.shutdown();

        assertThrows(TimeoutException.class, () -> acks.settled.get(2, TimeUnit.SECONDS));
        assertEquals(List.of(), results.published);
    }

    /** The incoming message's acknowledgement, as the connector would see it. */
    static final class Acks {
        final CompletableFuture<String> settled = new CompletableFuture<>();

        Message<String> message(String payload) {
            return Message.of(payload, () -> {
                settled.complete("ack");
                return CompletableFuture.completedFuture(null);
            }, error -> {
                settled.complete("nack");
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    /**
     * Refuses the first {@code failures} sends, as Kafka does while a broker is away; keeps the rest. Every send
     * method goes through {@link #sendMessage}, so the double behaves the same whichever one the handler uses.
     */
    static final class FlakyResults implements MutinyEmitter<String> {
        final AtomicInteger attempts = new AtomicInteger();
        final List<String> published = new CopyOnWriteArrayList<>();
        private final int failures;

        FlakyResults(int failures) {
            this.failures = failures;
        }

        @Override
        public <M extends Message<? extends String>> Uni<Void> sendMessage(M message) {
            return Uni.createFrom().deferred(() -> {
                if (attempts.incrementAndGet() <= failures) {
                    return Uni.createFrom().failure(new IllegalStateException("broker not available"));
                }
                published.add(message.getPayload());
                return Uni.createFrom().voidItem();
            });
        }

        @Override
        public Uni<Void> send(String payload) {
            return sendMessage(Message.of(payload));
        }

        @Override
        public void sendAndAwait(String payload) {
            send(payload).await().indefinitely();
        }

        @Override
        public Cancellable sendAndForget(String payload) {
            return send(payload).subscribe().with(ignored -> {
            });
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            sendMessageAndForget(message);
        }

        @Override
        public <M extends Message<? extends String>> void sendMessageAndAwait(M message) {
            sendMessage(message).await().indefinitely();
        }

        @Override
        public <M extends Message<? extends String>> Cancellable sendMessageAndForget(M message) {
            return sendMessage(message).subscribe().with(ignored -> {
            });
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}

package ai.automlgen.executor;

import ai.automlgen.events.CodeRef;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.Resources;
import ai.automlgen.events.Topics;
import ai.automlgen.executor.artifacts.FileTrees;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ExecutionRequested on the real Kafka (infra/stack.sh up infra) → ExecutionFinished with the
 * artifacts, run by the process sandbox. Each test uses its own runId and ignores other events.
 */
@QuarkusTest
@Tag("stack")
class ExecutionHandlerTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "automlgen.executor.consumer-group")
    String executorGroup;

    KafkaProducer<String, String> producer;
    KafkaConsumer<String, String> results;
    final String runId = "test-run-" + UUID.randomUUID();
    final List<Path> tempDirs = new ArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer());
        results = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id", "executor-test-reader-" + UUID.randomUUID(),
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = results.partitionsFor(Topics.EXECUTION_RESULTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        results.assign(partitions);
        results.seekToEnd(partitions);
        partitions.forEach(results::position);
        awaitExecutorAssigned();
    }

    @AfterEach
    void close() throws IOException {
        producer.close();
        results.close();
        for (Path dir : tempDirs) {
            FileTrees.deleteRecursively(dir);
        }
    }

    @Test
    void requestedExecutionFinishesWithItsArtifacts() throws Exception {
        Path input = tempDir(Files.createTempDirectory("executor-test-input",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))));
        Files.writeString(input.resolve("test.csv"), "id\n1\n2\n");
        ExecutionRequested request = request("node-1", """
                import os, pandas as pd
                test = pd.read_csv(os.path.join(os.environ['AUTOMLGEN_INPUT'], 'test.csv'))
                test.assign(y=0.5).to_csv(os.path.join(os.environ['AUTOMLGEN_OUTPUT'], 'submission.csv'), index=False)
                print('rows', len(test))
                """, input, new Resources(1, 1024, 0), true);
        send(request);

        ExecutionFinished finished = awaitResult("node-1");
        assertEquals(Outcome.OK, finished.outcome(), finished.stderrTail());
        assertEquals(0, finished.exitCode());
        assertEquals("rows 2\n", finished.stdoutTail());
        assertTrue(finished.refit());
        var submission = finished.artifact("submission.csv").orElseThrow();
        assertEquals("id,y\n1,0.5\n2,0.5\n", Files.readString(Path.of(URI.create(submission.uri()))));
        assertEquals(CodeRef.sha256("id,y\n1,0.5\n2,0.5\n"), submission.sha256());
    }

    @Test
    void requestsRunSideBySideAsFarAsTheSlotsAllow() throws Exception {
        int cpus = given().get("/slots").then().extract().path("cpus");
        assumeTrue(cpus >= 2, "needs an executor with at least 2 CPUs, this one has " + cpus);
        send(request("node-a", "import time\ntime.sleep(6)", null, new Resources(1, 512, 0), false));
        send(request("node-b", "import time\ntime.sleep(6)", null, new Resources(1, 512, 0), false));
        int mostRunning = 0;
        for (int i = 0; i < 50 && mostRunning < 2; i++) {
            mostRunning = Math.max(mostRunning, given().get("/slots").then().extract().<Integer>path("running"));
            Thread.sleep(100);
        }
        assertEquals(2, mostRunning);
        assertEquals(Outcome.OK, awaitResult("node-a").outcome());
    }

    @Test
    void redeliveredRequestRepublishesTheStoredResultInsteadOfRerunning() throws Exception {
        ExecutionRequested request = request("node-2", "print('once')", null, new Resources(1, 512, 0), false);
        send(request);
        ExecutionFinished first = awaitResult("node-2");
        send(ExecutionRequested.of(runId, "node-2", request.code(), null, request.resources(), request.timeout(), false));
        ExecutionFinished second = awaitResult("node-2");
        assertEquals(first.eventId(), second.eventId());
    }

    @Test
    void requestThatCanNeverFitIsRejectedWithTheReason() throws Exception {
        send(request("node-3", "print('never')", null, new Resources(4096, 512, 0), false));
        ExecutionFinished finished = awaitResult("node-3");
        assertEquals(Outcome.REJECTED, finished.outcome());
        assertTrue(finished.detail().contains("4096 CPUs requested"), finished.detail());
    }

    @Test
    void requestWithAnInputFolderTheSandboxUserCannotReadIsRejectedSayingHowToFixIt() throws Exception {
        Path privateInput = tempDir(Files.createTempDirectory("executor-test-private"));
        send(request("node-5", "print('x')", privateInput, new Resources(1, 512, 0), false));
        ExecutionFinished finished = awaitResult("node-5");
        assertEquals(Outcome.REJECTED, finished.outcome());
        assertTrue(finished.detail().contains("chmod -R o+rX " + privateInput), finished.detail());
    }

    @Test
    void requestWhoseNodeIdCannotNameAFolderIsRejectedSayingWhy() throws Exception {
        send(request("../escape", "print('x')", null, new Resources(1, 512, 0), false));
        ExecutionFinished finished = awaitResult("../escape");
        assertEquals(Outcome.REJECTED, finished.outcome());
        assertTrue(finished.detail().contains("'../escape' cannot name an artifact folder"), finished.detail());
    }

    @Test
    void requestWithAMissingInputFolderIsRejectedNamingIt() throws Exception {
        send(request("node-4", "print('x')", Path.of("/nonexistent/input"), new Resources(1, 512, 0), false));
        ExecutionFinished finished = awaitResult("node-4");
        assertEquals(Outcome.REJECTED, finished.outcome());
        assertTrue(finished.detail().contains("inputDir /nonexistent/input is not a folder"), finished.detail());
    }

    private ExecutionRequested request(String nodeId, String code, Path input, Resources resources, boolean refit) {
        return ExecutionRequested.of(runId, nodeId, CodeRef.python(code), input == null ? null : input.toString(),
                resources, Duration.ofSeconds(120), refit);
    }

    private Path tempDir(Path dir) {
        tempDirs.add(dir);
        return dir;
    }

    private void send(ExecutionRequested request) throws Exception {
        producer.send(new ProducerRecord<>(Topics.EXECUTIONS, request.nodeId(), EventJson.write(request))).get();
    }

    private ExecutionFinished awaitResult(String nodeId) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : results.poll(Duration.ofMillis(500))) {
                ExecutionFinished finished = EventJson.read(record.value(), ExecutionFinished.class);
                if (finished.runId().equals(runId) && finished.nodeId().equals(nodeId)) {
                    assertEquals(runId, record.key());
                    return finished;
                }
            }
        }
        return fail("no ExecutionFinished for " + runId + "/" + nodeId + " within 120 s");
    }

    /** The test's executor group starts at the latest offset, so wait until it owns partitions. */
    private void awaitExecutorAssigned() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(executorGroup))
                        .describedGroups().get(executorGroup).get();
                boolean assigned = group.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
                if (assigned) {
                    return;
                }
                Thread.sleep(200);
            }
            fail("the executor's consumer group " + executorGroup + " got no partitions within 60 s");
        }
    }
}

package ai.automlgen.evaluator;

import ai.automlgen.evaluator.prepare.RunFolders;
import ai.automlgen.evaluator.spi.Evaluator;
import ai.automlgen.evaluator.spi.Verdict;
import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.RunEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an ExecutionFinished into one EvaluationCompleted per evaluator the run's config names that
 * lives in this service (others are external processes and answer for themselves). Each verdict is
 * recorded under evaluator/evaluations/, so a redelivered execution republishes the same events.
 */
@ApplicationScoped
public class Evaluations {
    private static final Logger LOG = Logger.getLogger(Evaluations.class);

    private final Workspace workspace;
    private final Map<String, Evaluator> evaluators;

    public Evaluations(Workspace workspace, Instance<Evaluator> evaluators) {
        this.workspace = workspace;
        this.evaluators = evaluators.stream().collect(Collectors.toMap(Evaluator::id, Function.identity()));
    }

    /** The evaluations to publish; empty for a run this service never prepared. */
    public List<EvaluationCompleted> evaluate(ExecutionFinished execution) {
        RunFolders run;
        Optional<RunRecord> record;
        try {
            run = workspace.run(execution.runId());
            record = RunRecord.read(run.runRecord());
        } catch (IllegalArgumentException | IOException e) {
            LOG.warnf("execution of node %s: run %s unusable: %s", execution.nodeId(), execution.runId(), e.getMessage());
            return List.of();
        }
        if (record.isEmpty()) {
            LOG.debugf("execution of node %s: run %s was not prepared here; ignored", execution.nodeId(), execution.runId());
            return List.of();
        }
        List<EvaluationCompleted> results = new ArrayList<>();
        for (String evaluatorId : record.get().config().evaluators()) {
            Evaluator evaluator = evaluators.get(evaluatorId);
            if (evaluator == null) {
                LOG.debugf("run %s: evaluator %s is not in this service; left to the external one", execution.runId(), evaluatorId);
                continue;
            }
            results.add(evaluateOnce(run, record.get(), evaluator, execution));
        }
        return results;
    }

    private synchronized EvaluationCompleted evaluateOnce(RunFolders run, RunRecord record, Evaluator evaluator, ExecutionFinished execution) {
        Path recorded = run.evaluator().resolve("evaluations").resolve(evaluator.id())
                .resolve(execution.nodeId().replaceAll("[^A-Za-z0-9._-]", "_") + (execution.refit() ? ".refit" : "") + ".json");
        try {
            if (Files.isRegularFile(recorded)) {
                return EventJson.read(Files.readString(recorded), EvaluationCompleted.class);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("unreadable %s (%s); evaluating again", recorded, e.getMessage());
        }
        Verdict verdict = evaluator.evaluate(record, execution);
        EvaluationCompleted event = new EvaluationCompleted(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), execution.runId(),
                execution.nodeId(), Instant.now(), evaluator.id(), verdict.metric(), verdict.score(), verdict.lowerIsBetter(),
                verdict.valid(), verdict.problems(), verdict.testGrade());
        try {
            Files.createDirectories(recorded.getParent());
            Path temp = recorded.resolveSibling(recorded.getFileName() + ".tmp");
            Files.writeString(temp, EventJson.write(event));
            Files.move(temp, recorded, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("cannot record %s: %s (a redelivery will evaluate again)", recorded, e.getMessage());
        }
        LOG.infof("run %s node %s: %s %s = %s%s", execution.runId(), execution.nodeId(), evaluator.id(), verdict.metric(),
                verdict.score(), verdict.valid() ? "" : " (invalid: " + event.reason() + ")");
        return event;
    }
}

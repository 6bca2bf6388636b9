package ai.automlgen.planner.messaging;

import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.TaskPreparation;
import ai.automlgen.events.TaskPrepared;
import ai.automlgen.events.TaskRejected;
import ai.automlgen.events.Topics;
import ai.automlgen.planner.run.RunService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Thin Kafka handlers: decode, hand to {@link RunService}. A message that cannot be handled is
 * logged and skipped — one bad event must not stop the channel and with it every other run. An event of a run that
 * another planner replica is working on ({@link RunService.RunBusyException}) is handled again until that replica
 * lets the run go: unacknowledged meanwhile, it is redelivered to another replica should this one stop.
 */
@ApplicationScoped
public class PlannerHandlers {
    private static final Logger LOG = Logger.getLogger(PlannerHandlers.class);

    private final RunService runs;

    public PlannerHandlers(RunService runs) {
        this.runs = runs;
    }

    @Incoming(Topics.TASK_PREPARATIONS)
    @Blocking
    public void onPreparation(String json) {
        handle(Topics.TASK_PREPARATIONS, json, () -> {
            TaskPreparation event = EventJson.read(json, TaskPreparation.class);
            if (event instanceof TaskPrepared prepared) {
                runs.onPrepared(prepared);
            } else if (event instanceof TaskRejected rejected) {
                runs.onRejected(rejected);
            }
        });
    }

    @Incoming(Topics.EXECUTION_RESULTS)
    @Blocking
    public void onExecutionFinished(String json) {
        handle(Topics.EXECUTION_RESULTS, json, () -> runs.onExecutionFinished(EventJson.read(json, ExecutionFinished.class)));
    }

    @Incoming(Topics.EVALUATIONS)
    @Blocking
    public void onEvaluation(String json) {
        handle(Topics.EVALUATIONS, json, () -> runs.onEvaluation(EventJson.read(json, EvaluationCompleted.class)));
    }

    private static void handle(String topic, String json, Runnable action) {
        while (true) {
            try {
                action.run();
                return;
            } catch (RunService.RunBusyException e) {
                // nacked, the event would meet the channel's failure strategy (fail: the channel stops for every run)
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // shutting down: left unacknowledged, the event is redelivered
                }
                LOG.infof("%s; handling the %s event again", e.getMessage(), topic);
            } catch (RuntimeException e) {
                LOG.errorf(e, "skipped a %s event that could not be handled: %s", topic,
                        json.length() > 300 ? json.substring(0, 300) + "…" : json);
                return;
            }
        }
    }
}

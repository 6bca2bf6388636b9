package ai.automlgen.planner.coder;

import ai.automlgen.events.Resources;

import java.time.Duration;

/**
 * What the node's script gets when it runs (AUTOMLGEN_TIME_LIMIT, AUTOMLGEN_CPUS, AUTOMLGEN_GPUS in
 * docs/pipeline-contract.md): a coder that sizes the work (a model, a number of rounds) reads them.
 *
 * @param timeLimit the execution's timeout, as the planner would set it at the time of writing
 */
public record ExecutionLimits(Duration timeLimit, Resources resources) {
}

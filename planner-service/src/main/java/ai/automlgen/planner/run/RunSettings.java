package ai.automlgen.planner.run;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Run defaults and per-node limits (application.properties, section "Runs"). */
@ConfigMapping(prefix = "automlgen.run")
public interface RunSettings {
    Duration defaultBudget();

    int defaultMaxNodes();

    String defaultPolicy();

    String defaultCoder();

    int defaultParallelism();

    Duration nodeTimeout();

    int nodeCpus();

    long nodeMemoryMb();

    Duration grace();

    /** Executor failures in a row (not the code's: e.g. the container engine is down) that stop a run early. */
    int executorFailuresToStop();

    /** Coder failures in a row (nodes whose code could not be written) that stop a run's search. */
    int coderFailuresToStop();

    /** How long a run whose node could not be created (Kafka or Redis away) waits before its next node. */
    Duration creationBackoff();

    /** The longest such wait: the back-off doubles with each failure in a row up to this. */
    Duration creationBackoffMax();

    /** Threads that write a slow coder's code (a model call), each one node at a time, off the event handlers. */
    int codeWriters();
}

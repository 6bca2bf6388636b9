package ai.automlgen.planner.graph;

import java.util.Optional;

/**
 * The port that makes one planner replica at a time work on a run: every handler of a run's events, and the
 * supervising tick, holds the run's lease while it reads and writes the run. Replicas share one consumer group,
 * but a run's events still reach several of them (its topics are partitioned apart, a rebalance redelivers, every
 * replica ticks), and the run's record and expansion limits are read, decided on and written back in steps.
 */
public interface RunLeases {

    /** Takes the run's lease, waiting for another holder to let it go up to the configured wait; empty if none did. */
    Optional<Lease> acquire(String runId);

    /** Takes the run's lease only if no one holds it now. */
    Optional<Lease> tryAcquire(String runId);

    /** A held lease; kept while held however long the holder takes, let go on {@link #close()}. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}

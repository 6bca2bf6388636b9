package ai.automlgen.planner.search;

import ai.automlgen.events.Budget;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.IntSupplier;

/** How much of the run's budget is spent, as fractions in [0, 1]; schedules read these, never wall time. */
public interface SearchClock {

    /** Elapsed share of the wall-clock budget. */
    double timeFraction();

    /** Share of the node budget already claimed (cancelled nodes gave their place back). */
    double nodeFraction();

    /** A clock over a real budget: time from {@code time} since {@code startedAt}, nodes from {@code nodesClaimed}. */
    static SearchClock of(InstantSource time, Instant startedAt, Budget budget, IntSupplier nodesClaimed) {
        return new SearchClock() {
            @Override
            public double timeFraction() {
                Duration elapsed = Duration.between(startedAt, time.instant());
                return clamp((double) elapsed.toMillis() / budget.wallClock().toMillis());
            }

            @Override
            public double nodeFraction() {
                return clamp((double) nodesClaimed.getAsInt() / budget.maxNodes());
            }
        };
    }

    private static double clamp(double fraction) {
        return Math.max(0.0, Math.min(1.0, fraction));
    }
}

package ai.automlgen.events;

import java.time.Duration;

/** How much a run may spend: wall-clock time and number of nodes, whichever ends first. */
public record Budget(Duration wallClock, int maxNodes) {
    public Budget {
        if (wallClock == null || wallClock.isNegative() || wallClock.isZero()) {
            throw new IllegalArgumentException("budget wall clock must be positive, got " + wallClock);
        }
        if (maxNodes < 1) {
            throw new IllegalArgumentException("budget maxNodes must be at least 1, got " + maxNodes);
        }
    }
}

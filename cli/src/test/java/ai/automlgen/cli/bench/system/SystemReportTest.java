package ai.automlgen.cli.bench.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemReportTest {
    private static final Statistics.Latency FAST = new Statistics.Latency(30, 40, 90, 200, 55, 10, 210);
    private static final Statistics.Latency SLOW = new Statistics.Latency(30, 80, 300, 900, 150, 20, 950);
    private static final OrchestrationBench.Settings SETTINGS =
            new OrchestrationBench.Settings(30, 1, "noop", "mcgs", Duration.ofMinutes(15), 1, 10);

    @Test
    void orchestrationWithinBothGoalsSaysMet() {
        String page = report(FAST).markdown();
        assertTrue(page.contains("Goal p50 ≤ 50 ms: met (40.0 ms). Goal p99 ≤ 250 ms: met (200.0 ms)."), page);
    }

    @Test
    void orchestrationOverTheGoalsSaysMissed() {
        String page = report(SLOW).markdown();
        assertTrue(page.contains("Goal p50 ≤ 50 ms: missed (80.0 ms). Goal p99 ≤ 250 ms: missed (900.0 ms)."), page);
    }

    @Test
    void partsNotRunAreLeftOut() {
        String page = report(FAST).markdown();
        assertFalse(page.contains("## Executor throughput"));
        assertFalse(page.contains("## Graph read latency"));
    }

    @Test
    void throughputRowsNameInstancesRateAndWhoDidTheWork() {
        ExecutorThroughputBench.Result two = new ExecutorThroughputBench.Result("two", 2, 40, 40, 40, 10_000, 4.0, FAST,
                new TreeMap<>(Map.of("a", 25L, "b", 15L)), Map.of("OK", 40L));
        String page = new SystemReport("2026-01-01T00:00:00Z", "2 CPUs", SETTINGS, null, List.of(2, 2), List.of(two),
                null).markdown();
        assertTrue(page.contains("| 2 | 40 | 40 | 40 | 10.0 | 4.00 | 40 | {a=25, b=15} | {OK=40} |"), page);
    }

    private static SystemReport report(Statistics.Latency orchestration) {
        OrchestrationBench.Result result = new OrchestrationBench.Result("run-1", "COMPLETED", 31, 28, orchestration,
                SLOW, Map.of());
        return new SystemReport("2026-01-01T00:00:00Z", "2 CPUs", SETTINGS, result, null, null, null);
    }
}

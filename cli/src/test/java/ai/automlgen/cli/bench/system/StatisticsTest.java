package ai.automlgen.cli.bench.system;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatisticsTest {

    @Test
    void percentilesOfOneToHundredAreTheNearestRanks() {
        List<Double> sample = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            sample.add((double) i);
        }
        Statistics.Latency latency = Statistics.latency(sample);
        assertEquals(100, latency.count());
        assertEquals(50.0, latency.p50());
        assertEquals(90.0, latency.p90());
        assertEquals(99.0, latency.p99());
        assertEquals(50.5, latency.mean(), 1e-9);
        assertEquals(1.0, latency.min());
        assertEquals(100.0, latency.max());
    }

    @Test
    void p99OfASmallSampleIsItsMaximum() {
        Statistics.Latency latency = Statistics.latency(List.of(12.0, 3.0, 40.0, 7.0));
        assertEquals(7.0, latency.p50());
        assertEquals(40.0, latency.p99());
    }

    @Test
    void aSingleMeasurementIsEveryPercentile() {
        Statistics.Latency latency = Statistics.latency(List.of(8.5));
        assertEquals(8.5, latency.p50());
        assertEquals(8.5, latency.p99());
    }

    @Test
    void anEmptySampleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Statistics.latency(List.of()));
    }

    @Test
    void throughputCountsCompletionsPerSecondOfTheWindow() {
        assertEquals(4.0, Statistics.perSecond(10, 2500));
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Statistics.perSecond(3, 0));
    }
}

package ai.automlgen.executor.slots;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GpuDetectorTest {
    @Test
    void configuredIdsAreTakenAsGiven() {
        assertEquals(List.of("0", "2"), GpuDetector.gpuIds(" 0, 2 "));
    }

    @Test
    void noneMeansNoGpus() {
        assertEquals(List.of(), GpuDetector.gpuIds("none"));
    }
}

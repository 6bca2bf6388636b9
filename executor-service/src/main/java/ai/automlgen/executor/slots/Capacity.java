package ai.automlgen.executor.slots;

import java.util.List;

/** What one executor offers: CPU cores, memory, and the ids of the GPUs it may hand out. */
public record Capacity(int cpus, long memoryMb, List<String> gpuIds) {
    public Capacity {
        if (cpus < 1 || memoryMb < 1) {
            throw new IllegalArgumentException("capacity needs cpus >= 1 and memoryMb >= 1, got " + cpus + "/" + memoryMb);
        }
        gpuIds = List.copyOf(gpuIds);
        if (gpuIds.stream().distinct().count() != gpuIds.size()) {
            throw new IllegalArgumentException("GPU ids must be distinct, got " + gpuIds);
        }
    }
}

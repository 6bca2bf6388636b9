package ai.automlgen.executor.slots;

import java.util.List;

/** A snapshot of a pool: what it has and what running executions hold. */
public record SlotUsage(Capacity capacity, int cpusInUse, long memoryMbInUse, List<String> gpusInUse, int running) {
    public SlotUsage {
        gpusInUse = List.copyOf(gpusInUse);
    }
}

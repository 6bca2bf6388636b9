package ai.automlgen.executor.slots;

import java.util.List;

/**
 * Resources held by one running execution. {@code seat} is a small number no other running
 * execution holds (0 .. cpus-1); sandboxes use it for per-execution identities such as a uid.
 */
public record SlotLease(int seat, int cpus, long memoryMb, List<String> gpuIds) {
    public SlotLease {
        gpuIds = List.copyOf(gpuIds);
    }

    /** A lease for work that uses no slots of a pool (e.g. tests of a sandbox alone). */
    public static SlotLease unpooled(int seat, int cpus, long memoryMb) {
        return new SlotLease(seat, cpus, memoryMb, List.of());
    }
}

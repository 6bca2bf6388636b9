package ai.automlgen.executor.slots;

import ai.automlgen.events.Resources;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Slot accounting, nothing else: never hands out more CPUs, memory or GPUs than the capacity,
 * gives each GPU id to one lease at a time, and says why a request can never fit. Not
 * thread-safe; {@link SlotGate} serialises access and adds waiting.
 */
public final class SlotPool {
    private final Capacity capacity;
    private final Set<String> freeGpus;
    private final BitSet seats = new BitSet();
    private int cpusInUse;
    private long memoryMbInUse;
    private int running;

    public SlotPool(Capacity capacity) {
        this.capacity = capacity;
        this.freeGpus = new LinkedHashSet<>(capacity.gpuIds());
    }

    public Capacity capacity() {
        return capacity;
    }

    /** Why {@code request} exceeds the whole capacity (so waiting would never help), if it does. */
    public Optional<String> whyNeverFits(Resources request) {
        List<String> problems = new ArrayList<>();
        if (request.cpus() > capacity.cpus()) {
            problems.add(request.cpus() + " CPUs requested, this executor has " + capacity.cpus());
        }
        if (request.memoryMb() > capacity.memoryMb()) {
            problems.add(request.memoryMb() + " MB of memory requested, this executor has " + capacity.memoryMb());
        }
        if (request.gpus() > capacity.gpuIds().size()) {
            problems.add(request.gpus() + " GPUs requested, this executor has " + capacity.gpuIds().size());
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", problems)
                + " — request less, or give the executor more (automlgen.slots.cpus / memory-mb / gpus)");
    }

    /** A lease when the request fits what is free now; empty when it must wait. */
    public Optional<SlotLease> tryAcquire(Resources request) {
        whyNeverFits(request).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (request.cpus() > capacity.cpus() - cpusInUse
                || request.memoryMb() > capacity.memoryMb() - memoryMbInUse
                || request.gpus() > freeGpus.size()) {
            return Optional.empty();
        }
        List<String> gpus = freeGpus.stream().limit(request.gpus()).toList();
        gpus.forEach(freeGpus::remove);
        int seat = seats.nextClearBit(0);
        seats.set(seat);
        cpusInUse += request.cpus();
        memoryMbInUse += request.memoryMb();
        running++;
        return Optional.of(new SlotLease(seat, request.cpus(), request.memoryMb(), gpus));
    }

    public void release(SlotLease lease) {
        if (!seats.get(lease.seat())) {
            throw new IllegalStateException("seat " + lease.seat() + " is not held; released twice?");
        }
        seats.clear(lease.seat());
        cpusInUse -= lease.cpus();
        memoryMbInUse -= lease.memoryMb();
        running--;
        // Back in capacity order, so the lowest ids are handed out first again.
        List<String> free = new ArrayList<>(freeGpus);
        free.addAll(lease.gpuIds());
        freeGpus.clear();
        capacity.gpuIds().stream().filter(free::contains).forEach(freeGpus::add);
    }

    public SlotUsage usage() {
        List<String> inUse = capacity.gpuIds().stream().filter(id -> !freeGpus.contains(id)).toList();
        return new SlotUsage(capacity, cpusInUse, memoryMbInUse, inUse, running);
    }
}

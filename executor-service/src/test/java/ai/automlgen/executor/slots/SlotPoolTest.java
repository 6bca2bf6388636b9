package ai.automlgen.executor.slots;

import ai.automlgen.events.Resources;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotPoolTest {
    private final SlotPool pool = new SlotPool(new Capacity(8, 32_000, List.of("0", "1", "2")));

    @Test
    void neverHandsOutMoreCpusThanItHas() {
        pool.tryAcquire(new Resources(4, 1000, 0)).orElseThrow();
        pool.tryAcquire(new Resources(3, 1000, 0)).orElseThrow();
        assertTrue(pool.tryAcquire(new Resources(2, 1000, 0)).isEmpty());
        assertEquals(7, pool.usage().cpusInUse());
    }

    @Test
    void neverHandsOutMoreMemoryThanItHas() {
        pool.tryAcquire(new Resources(1, 30_000, 0)).orElseThrow();
        assertTrue(pool.tryAcquire(new Resources(1, 4_000, 0)).isEmpty());
    }

    @Test
    void givesEachGpuToOneLeaseAtATime() {
        SlotLease first = pool.tryAcquire(new Resources(1, 1000, 2)).orElseThrow();
        SlotLease second = pool.tryAcquire(new Resources(1, 1000, 1)).orElseThrow();
        assertEquals(List.of("0", "1"), first.gpuIds());
        assertEquals(List.of("2"), second.gpuIds());
        assertTrue(pool.tryAcquire(new Resources(1, 1000, 1)).isEmpty());
    }

    @Test
    void releasedGpusGoBackLowestFirst() {
        SlotLease first = pool.tryAcquire(new Resources(1, 1000, 1)).orElseThrow();
        pool.tryAcquire(new Resources(1, 1000, 1)).orElseThrow();
        pool.release(first);
        assertEquals(List.of("0"), pool.tryAcquire(new Resources(1, 1000, 1)).orElseThrow().gpuIds());
    }

    @Test
    void releaseFreesEverythingTheLeaseHeld() {
        SlotLease lease = pool.tryAcquire(new Resources(8, 32_000, 3)).orElseThrow();
        pool.release(lease);
        assertEquals(new SlotUsage(pool.capacity(), 0, 0, List.of(), 0), pool.usage());
    }

    @Test
    void runningLeasesHoldDistinctSeatsAndFreedSeatsAreReused() {
        SlotLease a = pool.tryAcquire(new Resources(1, 100, 0)).orElseThrow();
        SlotLease b = pool.tryAcquire(new Resources(1, 100, 0)).orElseThrow();
        assertEquals(0, a.seat());
        assertEquals(1, b.seat());
        pool.release(a);
        assertEquals(0, pool.tryAcquire(new Resources(1, 100, 0)).orElseThrow().seat());
    }

    @Test
    void requestLargerThanTheWholeExecutorSaysWhyAndHowToFixIt() {
        String reason = pool.whyNeverFits(new Resources(16, 64_000, 4)).orElseThrow();
        assertEquals("16 CPUs requested, this executor has 8; 64000 MB of memory requested, this executor has 32000;"
                + " 4 GPUs requested, this executor has 3 — request less, or give the executor more"
                + " (automlgen.slots.cpus / memory-mb / gpus)", reason);
    }

    @Test
    void requestThatFitsTheWholeExecutorHasNoReasonToBeRejected() {
        assertTrue(pool.whyNeverFits(new Resources(8, 32_000, 3)).isEmpty());
    }

    @Test
    void acquiringWhatCanNeverFitFailsInsteadOfWaiting() {
        assertThrows(IllegalArgumentException.class, () -> pool.tryAcquire(new Resources(9, 100, 0)));
    }

    @Test
    void releasingTwiceIsAnError() {
        SlotLease lease = pool.tryAcquire(new Resources(1, 100, 0)).orElseThrow();
        pool.release(lease);
        assertThrows(IllegalStateException.class, () -> pool.release(lease));
    }
}

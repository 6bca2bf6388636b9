package ai.automlgen.executor.slots;

import ai.automlgen.events.Resources;

import java.util.Optional;

/** A {@link SlotPool} shared by threads: acquiring waits until the request fits. */
public final class SlotGate {
    private final SlotPool pool;

    public SlotGate(SlotPool pool) {
        this.pool = pool;
    }

    public synchronized Optional<String> whyNeverFits(Resources request) {
        return pool.whyNeverFits(request);
    }

    /** Blocks the calling (worker) thread until the request fits; never call it on an event loop. */
    public synchronized SlotLease acquire(Resources request) throws InterruptedException {
        Optional<SlotLease> lease;
        while ((lease = pool.tryAcquire(request)).isEmpty()) {
            wait();
        }
        return lease.get();
    }

    public synchronized void release(SlotLease lease) {
        pool.release(lease);
        notifyAll();
    }

    public synchronized SlotUsage usage() {
        return pool.usage();
    }
}

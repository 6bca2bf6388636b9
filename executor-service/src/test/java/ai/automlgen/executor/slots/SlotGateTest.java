package ai.automlgen.executor.slots;

import ai.automlgen.events.Resources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlotGateTest {
    @Test
    void acquireWaitsUntilAReleaseMakesRoom() throws Exception {
        SlotGate gate = new SlotGate(new SlotPool(new Capacity(2, 1000, List.of())));
        SlotLease held = gate.acquire(new Resources(2, 100, 0));
        CompletableFuture<SlotLease> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.acquire(new Resources(1, 100, 0));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS));
        gate.release(held);
        assertEquals(1, waiting.get(5, TimeUnit.SECONDS).cpus());
    }
}

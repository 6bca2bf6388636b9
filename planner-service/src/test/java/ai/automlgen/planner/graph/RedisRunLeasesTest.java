package ai.automlgen.planner.graph;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run leases between planners, each planner a {@link RedisRunLeases} on a connection of its own, against the Redis
 * at {@code REDIS_URI} (default redis://127.0.0.1:6379; {@code infra/stack.sh up infra}).
 */
class RedisRunLeasesTest {
    private static final String URI = System.getenv().getOrDefault("REDIS_URI", "redis://127.0.0.1:6379");
    private static final Duration SHORT_TTL = Duration.ofMillis(300);
    private static final int WORKERS = 4;
    private static final int INCREMENTS = 25;

    private final String runId = "test-lease-" + UUID.randomUUID();
    private final List<RedisConnection> connections = new ArrayList<>();
    private final List<RedisRunLeases> planners = new ArrayList<>();

    private RedisRunLeases planner(Duration ttl, Duration wait) {
        RedisConnection connection = new RedisConnection(URI);
        connections.add(connection);
        RedisRunLeases leases = new RedisRunLeases(connection, ttl, wait);
        planners.add(leases);
        return leases;
    }

    @AfterEach
    void deleteKeysAndDisconnect() {
        planners.forEach(RedisRunLeases::stopWatchdog);
        connections.get(0).commands().del(Keys.lease(runId), counter());
        connections.forEach(RedisConnection::close);
    }

    @Test
    void incrementsOfTwoPlannersUnderTheLeaseAreExact() throws Exception {
        List<RedisRunLeases> both = List.of(planner(Duration.ofSeconds(30), Duration.ofSeconds(30)),
                planner(Duration.ofSeconds(30), Duration.ofSeconds(30)));

        incrementTogether(worker -> {
            try (RunLeases.Lease lease = both.get(worker % 2).acquire(runId).orElseThrow()) {
                increment(worker);
            }
        });

        assertEquals(Integer.toString(WORKERS * INCREMENTS), connections.get(0).commands().get(counter()));
    }

    /** What the lease prevents: the same read-then-write increments lose updates when nothing keeps them apart. */
    @Test
    void theSameIncrementsWithoutTheLeaseLoseUpdates() throws Exception {
        planner(Duration.ofSeconds(30), Duration.ofSeconds(30));
        planner(Duration.ofSeconds(30), Duration.ofSeconds(30));

        incrementTogether(this::increment);

        int counted = Integer.parseInt(connections.get(0).commands().get(counter()));
        assertTrue(counted < WORKERS * INCREMENTS, "lost no update: " + counted);
    }

    @Test
    void leaseOfAPlannerThatDiedIsFreeOnceItsTtlHasPassed() {
        RedisRunLeases dying = planner(SHORT_TTL, Duration.ZERO);
        RedisRunLeases other = planner(SHORT_TTL, Duration.ofSeconds(5));
        assertTrue(dying.tryAcquire(runId).isPresent());
        dying.stopWatchdog(); // it dies holding the lease: never extended, never let go

        assertTrue(other.tryAcquire(runId).isEmpty(), "held until its ttl has passed");
        long started = System.nanoTime();
        Optional<RunLeases.Lease> taken = other.acquire(runId);

        assertTrue(taken.isPresent());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "taken soon after the ttl");
    }

    @Test
    void watchdogKeepsALeaseHeldPastItsTtlUntilItIsLetGo() throws Exception {
        RedisRunLeases holder = planner(SHORT_TTL, Duration.ZERO);
        RedisRunLeases other = planner(SHORT_TTL, Duration.ZERO);
        RunLeases.Lease lease = holder.tryAcquire(runId).orElseThrow();

        for (int i = 0; i < 12; i++) { // four times the ttl
            Thread.sleep(100);
            assertTrue(other.tryAcquire(runId).isEmpty(), "held after " + (i + 1) * 100 + " ms");
        }
        lease.close();

        assertTrue(other.tryAcquire(runId).isPresent());
    }

    @Test
    void plannerWhoseLeaseExpiredDoesNotLetGoOfTheNextHoldersLease() throws Exception {
        RedisRunLeases stalled = planner(SHORT_TTL, Duration.ZERO);
        RedisRunLeases next = planner(SHORT_TTL, Duration.ofSeconds(5));
        RedisRunLeases third = planner(SHORT_TTL, Duration.ZERO);
        RunLeases.Lease expired = stalled.tryAcquire(runId).orElseThrow();
        stalled.stopWatchdog(); // paused longer than its ttl (a long GC pause, Redis out of reach)
        assertTrue(next.acquire(runId).isPresent());

        expired.close();

        assertTrue(third.tryAcquire(runId).isEmpty(), "the next holder still holds it");
    }

    private String counter() {
        return Keys.run(runId) + ":counter";
    }

    /** A read-then-write increment with a pause between, as a handler reads a run's record and saves it. */
    private void increment(int worker) {
        var redis = connections.get(worker % 2).commands();
        String value = redis.get(counter());
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        redis.set(counter(), Integer.toString(value == null ? 1 : Integer.parseInt(value) + 1));
    }

    private interface Work {
        void run(int worker) throws Exception;
    }

    private static void incrementTogether(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < INCREMENTS; i++) {
                        work.run(worker);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

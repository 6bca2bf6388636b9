package ai.automlgen.planner.graph;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Run leases in Redis: {@code SET automlgen:run:{id}:lease token NX PX ttl} takes one, a compare-and-delete script
 * lets it go, and a watchdog extends every held lease (compare-and-pexpire) a third of its time-to-live before it
 * runs out, so a slow holder (a coder asking an LLM for minutes) keeps it while a planner that died loses it once
 * the time-to-live has passed. A caller that finds the lease held polls again after a short, growing, jittered
 * pause until the configured wait is over.
 */
@ApplicationScoped
public class RedisRunLeases implements RunLeases {
    private static final Logger LOG = Logger.getLogger(RedisRunLeases.class);
    private static final LuaScripts SCRIPTS = new LuaScripts();
    private static final long FIRST_PAUSE_MS = 5;
    private static final long LONGEST_PAUSE_MS = 100;

    private final RedisConnection redis;
    private final Duration ttl;
    private final Duration wait;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "run-lease-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public RedisRunLeases(RedisConnection redis, @ConfigProperty(name = "automlgen.lease.ttl") Duration ttl,
                          @ConfigProperty(name = "automlgen.lease.wait") Duration wait) {
        if (ttl.toMillis() < 30) {
            throw new IllegalArgumentException("automlgen.lease.ttl must be at least 30 ms (got " + ttl + ")");
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("automlgen.lease.wait must not be negative (got " + wait + ")");
        }
        this.redis = redis;
        this.ttl = ttl;
        this.wait = wait;
    }

    @Override
    public Optional<Lease> acquire(String runId) {
        long giveUpAt = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            Optional<Lease> lease = tryAcquire(runId);
            long leftMs = TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime());
            if (lease.isPresent() || leftMs <= 0) {
                return lease;
            }
            try {
                // jittered, so replicas waiting for one lease do not poll in step
                Thread.sleep(Math.min(leftMs, pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
        }
    }

    @Override
    public Optional<Lease> tryAcquire(String runId) {
        String key = Keys.lease(runId);
        String token = UUID.randomUUID().toString();
        if (redis.commands().set(key, token, SetArgs.Builder.nx().px(ttl.toMillis())) == null) {
            return Optional.empty();
        }
        return Optional.of(new RedisLease(runId, key, token));
    }

    @PreDestroy
    void stopWatchdog() {
        watchdog.shutdownNow();
    }

    private final class RedisLease implements Lease {
        private final String runId;
        private final String key;
        private final String token;
        private volatile boolean held = true;
        private volatile ScheduledFuture<?> nextExtension;

        RedisLease(String runId, String key, String token) {
            this.runId = runId;
            this.key = key;
            this.token = token;
            scheduleExtension();
        }

        private void scheduleExtension() {
            try {
                nextExtension = watchdog.schedule(this::extend, ttl.toMillis() / 3, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                held = false; // the planner is shutting down
            }
        }

        private void extend() {
            if (!held) {
                return;
            }
            try {
                Long extended = SCRIPTS.run(redis.commands(), "lease-extend", ScriptOutputType.INTEGER,
                        new String[]{key}, token, Long.toString(ttl.toMillis()));
                if (extended == 0L) {
                    // expired before an extension got through (Redis away for most of the ttl), or the run was
                    // deleted: another planner may be working on the run now
                    LOG.errorf("run %s: this planner lost the run's lease while still working on it", runId);
                    held = false;
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warnf("run %s: could not extend the run's lease (%s); trying again", runId, e.getMessage());
            }
            if (held) {
                scheduleExtension();
            }
        }

        @Override
        public void close() {
            held = false;
            ScheduledFuture<?> next = nextExtension;
            if (next != null) {
                next.cancel(false);
            }
            try {
                SCRIPTS.run(redis.commands(), "lease-release", ScriptOutputType.INTEGER, new String[]{key}, token);
            } catch (RuntimeException e) {
                LOG.warnf("run %s: could not let the run's lease go (%s); it expires within %s", runId,
                        e.getMessage(), ttl);
            }
        }
    }
}

package ai.automlgen.planner.graph;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Redis answers: without it the planner can neither read nor write a graph. */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {
    private final RedisConnection redis;

    public RedisHealthCheck(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("redis").withData("uri", redis.uri())
                    .status("PONG".equals(redis.commands().ping())).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("redis").withData("uri", redis.uri())
                    .withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }
}

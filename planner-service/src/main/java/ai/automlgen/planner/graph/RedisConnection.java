package ai.automlgen.planner.graph;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The planner's one Lettuce connection (thread-safe, shared). Opened lazily so the service starts
 * even while Redis is down; the first use then fails with a message naming the address and the fix.
 */
@ApplicationScoped
public class RedisConnection {
    private final String uri;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    public RedisConnection(@ConfigProperty(name = "automlgen.redis.uri") String uri) {
        this.uri = uri;
    }

    public RedisCommands<String, String> commands() {
        return connection().sync();
    }

    /** The same connection's asynchronous commands: several sent before awaiting any share one round trip. */
    public RedisAsyncCommands<String, String> async() {
        return connection().async();
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null || !connection.isOpen()) {
            try {
                RedisURI redisUri = RedisURI.create(uri);
                redisUri.setTimeout(Duration.ofSeconds(10));
                if (client == null) {
                    client = RedisClient.create(redisUri);
                }
                connection = client.connect();
            } catch (RedisConnectionException e) {
                throw new RedisUnavailableException("Redis is not reachable at " + uri
                        + ": start the local stack with './automlgen up' (or point REDIS_URI at your Redis)", e);
            }
        }
        return connection;
    }

    public String uri() {
        return uri;
    }

    @PreDestroy
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown();
        }
    }

    /** Redis cannot be reached; the message names the address and how to start it. */
    public static final class RedisUnavailableException extends RuntimeException {
        RedisUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

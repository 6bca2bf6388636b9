package ai.automlgen.planner.graph;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lua scripts from {@code src/main/resources/redis/}, run with EVALSHA; a Redis that does not know a script yet
 * (first use, a restart, SCRIPT FLUSH) is sent it once with SCRIPT LOAD and asked again.
 */
final class LuaScripts {
    private final ConcurrentHashMap<String, String> sources = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> shas = new ConcurrentHashMap<>();

    <T> T run(RedisCommands<String, String> redis, String script, ScriptOutputType type, String[] keys,
              String... args) {
        String sha = shas.computeIfAbsent(script, name -> redis.scriptLoad(source(name)));
        try {
            return redis.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            shas.put(script, redis.scriptLoad(source(script)));
            return redis.evalsha(shas.get(script), type, keys, args);
        }
    }

    private String source(String script) {
        return sources.computeIfAbsent(script, name -> {
            String path = "/redis/" + name + ".lua";
            try (InputStream in = LuaScripts.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Lua script " + path + " is missing from the planner's resources");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

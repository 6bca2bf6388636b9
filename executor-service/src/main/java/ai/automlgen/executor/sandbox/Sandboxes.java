package ai.automlgen.executor.sandbox;

import java.util.Map;
import java.util.Optional;

/** The sandboxes this executor can use, and the one configuration chose for executions. */
public record Sandboxes(Sandbox chosen, Map<String, Sandbox> available) {
    public Sandboxes {
        available = Map.copyOf(available);
    }

    /** The named sandbox, or the chosen one when {@code name} is null or blank. */
    public Optional<Sandbox> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(chosen);
        }
        return Optional.ofNullable(available.get(name));
    }
}

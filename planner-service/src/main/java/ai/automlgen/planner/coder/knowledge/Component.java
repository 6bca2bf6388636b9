package ai.automlgen.planner.coder.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One part of a pipeline: the knowledge-base entity it comes from ({@code model.xgboost},
 * {@code feature.tfidf_word}, ...) and its parameters (numbers, strings, booleans, lists), in the
 * order they were set so the rendered script reads the same every time.
 */
public record Component(String id, Map<String, Object> params) {

    public Component {
        if (id == null || !id.matches("[a-z_]+\\.[a-z0-9_]+")) {
            throw new IllegalArgumentException("a component id is <kind>.<name> in lower case, got: " + id);
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A component from alternating keys and values: {@code of("model.xgboost", "max_depth", 6)}. */
    public static Component of(String id, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in key, value pairs: " + id);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Component(id, params);
    }

    public Component with(String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(params);
        changed.put(key, value);
        return new Component(id, changed);
    }

    public Component without(String key) {
        Map<String, Object> changed = new LinkedHashMap<>(params);
        changed.remove(key);
        return new Component(id, changed);
    }

    /** The entity kind: model, feature, preprocessing, validation, ensembling, strategy, data, pitfall. */
    public String kind() {
        return id.substring(0, id.indexOf('.'));
    }

    /** The entity name without its kind ("xgboost"). */
    public String name() {
        return id.substring(id.indexOf('.') + 1);
    }

    public double number(String key, double fallback) {
        Object value = params.get(key);
        return value instanceof Number n ? n.doubleValue() : fallback;
    }
}

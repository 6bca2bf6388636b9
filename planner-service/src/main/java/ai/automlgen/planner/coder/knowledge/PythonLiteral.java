package ai.automlgen.planner.coder.knowledge;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Java values (from a spec or a task) written as Python literals. */
public final class PythonLiteral {
    private PythonLiteral() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "float(\"" + (Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf") + "\")";
            }
            return Double.toString(d).replace("E", "e");
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> of(String.valueOf(e.getKey())) + ": " + of(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(PythonLiteral::of).collect(Collectors.joining(", ", "[", "]"));
        }
        return string(value.toString());
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A component as the scripts read it: {@code ("model.xgboost", {"max_depth": 6})}. */
    public static String component(Component component) {
        return component == null ? "None" : "(" + of(component.id()) + ", " + of(component.params()) + ")";
    }

    public static String components(Collection<Component> components) {
        if (components.isEmpty()) {
            return "[]";
        }
        return components.stream().map(c -> "    " + component(c) + ",\n").collect(Collectors.joining("", "[\n", "]"));
    }
}

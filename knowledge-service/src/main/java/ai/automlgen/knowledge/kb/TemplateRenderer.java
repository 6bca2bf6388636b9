package ai.automlgen.knowledge.kb;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders a template: every {@code {{name}}} becomes that hyperparameter's default as a Python literal. */
public final class TemplateRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private TemplateRenderer() {
    }

    /** The placeholder names used in a template, in order of first use. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * @throws IllegalArgumentException naming the first placeholder without a hyperparameter
     */
    public static String render(String template, List<Hyperparameter> hyperparameters) {
        Map<String, Hyperparameter> byName = hyperparameters.stream()
                .collect(Collectors.toMap(Hyperparameter::name, Function.identity(), (a, b) -> a));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Hyperparameter hp = byName.get(m.group(1));
            if (hp == null) {
                throw new IllegalArgumentException("placeholder {{" + m.group(1) + "}} names no hyperparameter");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(pythonLiteral(hp.defaultValue())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** True/False/None, a single-quoted string, or the number as written. */
    public static String pythonLiteral(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "float('nan')";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "float('inf')" : "float('-inf')";
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().scale() <= 0 && Math.abs(d) < 1e15
                    ? BigDecimal.valueOf(d).setScale(1).toPlainString()
                    : Double.toString(d);
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return quote(value.toString());
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}

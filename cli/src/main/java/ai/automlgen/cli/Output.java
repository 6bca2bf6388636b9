package ai.automlgen.cli;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;

/** stdout carries results (JSON with --json), stderr carries progress for humans. */
public final class Output {
    private Output() {
    }

    static void json(Object value) {
        try {
            System.out.println(EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void progress(String line) {
        System.err.println(line);
    }

    /** A score as people read it; undefined scores (e.g. Pearson of a constant) arrive as the text "NaN". */
    public static String score(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        return value.isNumber() ? String.format(java.util.Locale.ROOT, "%.5f", value.asDouble()) : value.asText();
    }
}

package ai.automlgen.knowledge.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** One line of src/test/resources/labelled-queries.yaml: a query and the ids relevant to it. */
public record LabelledQuery(String text, String modality, @JsonProperty("task_type") String taskType, String kind,
                            List<String> relevant) {
    private record File(List<LabelledQuery> queries) {
    }

    public static List<LabelledQuery> load() {
        ObjectMapper yaml = new YAMLMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = LabelledQuery.class.getResourceAsStream("/labelled-queries.yaml")) {
            return yaml.readValue(in, File.class).queries();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package ai.automlgen.knowledge.kb;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * One validated knowledge entity (README "Entity format"). Lists are never null; {@code template}
 * and {@code fix} are empty strings when absent; {@code source} names the file it came from.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Entity(String id, String kind, String level, String title, List<String> modalities,
                     List<String> taskTypes, String summary, String whenToUse, String whenToAvoid,
                     List<Hyperparameter> hyperparameters, List<String> packages, String template,
                     List<String> errorSignatures, String fix, List<String> tags, List<String> references,
                     String source) {
    public Entity {
        modalities = List.copyOf(modalities);
        taskTypes = List.copyOf(taskTypes);
        hyperparameters = List.copyOf(hyperparameters);
        packages = List.copyOf(packages);
        errorSignatures = List.copyOf(errorSignatures);
        tags = List.copyOf(tags);
        references = List.copyOf(references);
    }

    @JsonIgnore
    public boolean hasTemplate() {
        return !template.isBlank();
    }
}

package ai.automlgen.knowledge.kb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One tunable setting of an entity. {@code low}/{@code high} bound int and float types
 * ({@code log}: sample on a log scale); {@code choices} lists the values of a choice type.
 * {@code defaultValue} is a String, Number, Boolean or null, exactly as written in YAML.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hyperparameter(String name, String type, Number low, Number high,
                             @JsonProperty("default") @JsonInclude(JsonInclude.Include.ALWAYS) Object defaultValue,
                             List<Object> choices, boolean log) {
    public Hyperparameter {
        choices = choices == null ? null : List.copyOf(choices);
    }
}

package ai.automlgen.knowledge.kb;

/**
 * Why a file or an entity was skipped. {@code entity} is the id (or {@code #n}, the position in the
 * file, when the id itself is missing or unusable), null for a problem with the whole file;
 * {@code field} is the path of the offending field, e.g. {@code hyperparameters[1].default}.
 */
public record LoadProblem(String file, String entity, String field, String message) {
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (entity != null) {
            text.append(": entity ").append(entity);
        }
        if (field != null) {
            text.append(": field ").append(field);
        }
        return text.append(": ").append(message).toString();
    }
}

package ai.automlgen.events;

/**
 * A file an execution produced, kept in the artifact store. {@code uri} is {@code file:} today;
 * the layout ({runId}/{nodeId}/{name}) leaves room for object storage.
 */
public record ArtifactRef(String name, String uri, long sizeBytes, String sha256) {
    public static final String SUBMISSION = "submission.csv";
    public static final String VALID_PREDICTIONS = "valid_predictions.csv";
}

package ai.automlgen.evaluator.prepare;

/** Role names of prepared files (docs/pipeline-contract.md). */
public final class Roles {
    public static final String TRAIN = "train";
    public static final String VALID = "valid";
    public static final String TEST = "test";
    public static final String SAMPLE_SUBMISSION = "sample_submission";
    public static final String VALID_SAMPLE_SUBMISSION = "valid_sample_submission";
    public static final String TRAIN_IMAGES = "train_images";
    public static final String VALID_IMAGES = "valid_images";
    public static final String TEST_IMAGES = "test_images";
    public static final String TRAIN_TARGETS = "train_targets";

    private Roles() {
    }
}

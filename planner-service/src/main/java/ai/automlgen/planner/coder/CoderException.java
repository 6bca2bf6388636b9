package ai.automlgen.planner.coder;

/**
 * A coder could not produce code; the message says why and, where it can, what to do. {@link #tokens()} are the
 * model tokens spent on the way (0 for coders that call no model), counted in the run as a written node's are.
 */
public class CoderException extends RuntimeException {
    private final long tokens;

    public CoderException(String message) {
        this(message, null, 0);
    }

    public CoderException(String message, Throwable cause) {
        this(message, cause, 0);
    }

    public CoderException(String message, Throwable cause, long tokens) {
        super(message, cause);
        this.tokens = tokens;
    }

    public long tokens() {
        return tokens;
    }
}

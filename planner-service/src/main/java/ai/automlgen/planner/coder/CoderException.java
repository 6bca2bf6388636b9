package ai.automlgen.planner.coder;

/** A coder could not produce code; the message says why and, where it can, what to do. */
public class CoderException extends RuntimeException {
    public CoderException(String message) {
        super(message);
    }

    public CoderException(String message, Throwable cause) {
        super(message, cause);
    }
}

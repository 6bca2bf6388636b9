package ai.automlgen.executor.sandbox;

/**
 * The sandbox could not start the code at all (e.g. the Docker engine is unreachable): nothing of
 * the execution ran, so running it elsewhere is safe.
 */
public class SandboxUnavailableException extends RuntimeException {
    public SandboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

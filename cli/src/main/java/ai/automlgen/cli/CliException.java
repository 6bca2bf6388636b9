package ai.automlgen.cli;

/** A problem the user can fix; printed as one line, exit status 2. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}

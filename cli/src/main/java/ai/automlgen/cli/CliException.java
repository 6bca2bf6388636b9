package ai.automlgen.cli;

/** A problem the user can fix; printed as one line, exit status 2. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}

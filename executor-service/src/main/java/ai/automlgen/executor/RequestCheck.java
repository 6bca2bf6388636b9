package ai.automlgen.executor;

import ai.automlgen.events.CodeRef;
import ai.automlgen.events.ExecutionRequested;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What makes a request impossible to run, said so the sender can fix it. */
public final class RequestCheck {
    private RequestCheck() {
    }

    public static Optional<String> problems(ExecutionRequested request, InputDirRule inputDirs) {
        List<String> problems = new ArrayList<>();
        CodeRef code = request.code();
        if (code == null || code.source() == null || code.source().isBlank()) {
            problems.add("the request carries no code (code.source is empty)");
        } else if (code.sha256() != null && !code.sha256().equalsIgnoreCase(CodeRef.sha256(code.source()))) {
            problems.add("code.sha256 does not match code.source; the code was altered in transit or hashed differently"
                    + " (use CodeRef.python(source))");
        }
        if (request.resources() == null) {
            problems.add("the request names no resources (cpus, memoryMb, gpus)");
        }
        if (request.timeout() == null || request.timeout().isNegative() || request.timeout().isZero()) {
            problems.add("the timeout must be positive, got " + request.timeout());
        }
        if (request.inputDir() != null) {
            inputDirs.problem(request.inputDir()).ifPresent(problems::add);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}

package ai.automlgen.planner.coder.noop;

import ai.automlgen.events.EventJson;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.Coder;
import ai.automlgen.planner.coder.Templates;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The coder for measuring the system, not for solving tasks: every operator gets the same no-op
 * pipeline (resources/noop/placeholder_pipeline.py), which writes the evaluator's placeholder
 * predictions and exits. Its nodes take the whole event path — planner, executor, evaluator, back —
 * at almost no execution cost, which is what `automlgen bench system` times.
 */
@ApplicationScoped
public class NoopCoder implements Coder {
    public static final String NAME = "noop";
    private static final String TEMPLATE = Templates.read("noop/placeholder_pipeline.py");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CodeResult write(CodeRequest request) {
        String code = TEMPLATE.replace("__FILES_JSON__", EventJson.write(request.inputs().files()));
        return new CodeResult(code, request.operator().wireName() + ": no-op pipeline (placeholder predictions)", null);
    }
}

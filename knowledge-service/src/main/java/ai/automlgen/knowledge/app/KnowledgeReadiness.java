package ai.automlgen.knowledge.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the knowledge index is built. */
@Readiness
@ApplicationScoped
public class KnowledgeReadiness implements HealthCheck {
    private final KnowledgeIndex index;

    public KnowledgeReadiness(KnowledgeIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("knowledge-index");
        if (!index.ready()) {
            return response.down().withData("reason", index.notReadyReason()).build();
        }
        var base = index.retriever().base();
        return response.up().withData("entities", base.size()).withData("skipped", base.problems().size()).build();
    }
}

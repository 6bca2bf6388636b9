package ai.automlgen.evaluator;

import ai.automlgen.evaluator.prepare.RunFolders;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/** Where the evaluator keeps runs and caches ({@code $AUTOMLGEN_HOME}), and the split's defaults. */
@ApplicationScoped
public class Workspace {
    private final Path home;
    private final double validationFraction;

    public Workspace(@ConfigProperty(name = "automlgen.home") Path home,
                     @ConfigProperty(name = "automlgen.evaluator.validation-fraction") double validationFraction) {
        this.home = home.toAbsolutePath().normalize();
        this.validationFraction = validationFraction;
    }

    public Path home() {
        return home;
    }

    public double validationFraction() {
        return validationFraction;
    }

    public RunFolders run(String runId) {
        return RunFolders.of(home, runId);
    }
}

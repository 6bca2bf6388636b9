package ai.automlgen.planner.coder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Code templates the coders ship as classpath resources. */
public final class Templates {
    private Templates() {
    }

    /** The resource's text, or empty when there is none. */
    public static Optional<String> find(String resource) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    public static String read(String resource) {
        return find(resource).orElseThrow(() -> new IllegalStateException(resource + " is missing from the planner's resources"));
    }
}

package ai.automlgen.knowledge.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads entity files: the shipped ones listed in {@code kb-index.txt} (written by the build, since a
 * fast-jar cannot list classpath folders) and a user extension directory, walked recursively.
 */
public final class KnowledgeBaseLoader {
    public static final String INDEX = "kb-index.txt";

    private KnowledgeBaseLoader() {
    }

    /** Classpath paths of the shipped entity files, e.g. {@code kb/model/gradient_boosting.yaml}. */
    public static List<String> shippedFiles() {
        String index = resource(INDEX);
        if (index == null) {
            throw new IllegalStateException(INDEX + " is missing from the classpath; build the module with Maven "
                    + "(the process-resources phase writes it)");
        }
        return index.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public static List<EntityReader.Result> readShipped() {
        List<EntityReader.Result> results = new ArrayList<>();
        for (String file : shippedFiles()) {
            String text = resource(file);
            results.add(text == null
                    ? new EntityReader.Result(List.of(), List.of(new LoadProblem(file, null, null,
                        "listed in " + INDEX + " but not on the classpath; rebuild the module")))
                    : EntityReader.read(file, text));
        }
        return results;
    }

    /** Every *.yaml / *.yml file under the directory, in path order; a missing directory is one problem. */
    public static List<EntityReader.Result> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of(new EntityReader.Result(List.of(), List.of(new LoadProblem(dir.toString(), null, null,
                    "the knowledge extension directory does not exist; create it or change "
                            + "automlgen.knowledge.extra-dir (AUTOMLGEN_KNOWLEDGE_EXTRA_DIR)"))));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(new EntityReader.Result(List.of(), List.of(new LoadProblem(dir.toString(), null, null,
                    "cannot list the directory: " + e.getMessage()))));
        }
        List<EntityReader.Result> results = new ArrayList<>();
        for (Path file : files) {
            try {
                results.add(EntityReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                results.add(new EntityReader.Result(List.of(), List.of(new LoadProblem(file.toString(), null, null,
                        "cannot read the file: " + e.getMessage()))));
            }
        }
        return results;
    }

    private static String resource(String path) {
        try (InputStream in = KnowledgeBaseLoader.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}

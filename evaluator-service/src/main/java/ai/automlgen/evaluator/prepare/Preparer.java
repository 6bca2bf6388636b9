package ai.automlgen.evaluator.prepare;

import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.data.JsonRecords;
import ai.automlgen.evaluator.task.DataFormat;
import ai.automlgen.evaluator.task.TaskSpec;
import ai.automlgen.events.PreparedInputs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Splits a task's public training data for one run (docs/pipeline-contract.md): {@code input/}
 * holds train, valid (only the columns test rows have), test, the sample submissions and every other public file;
 * {@code full/} holds every labelled row as train; {@code evaluator/} holds the validation labels,
 * in the submission's own format, so scoring a node is grading {@code valid_predictions.csv} against them.
 * Public files are symlinked (absolute links), never copied; the split is seeded and reproducible.
 */
public final class Preparer {
    private final ImageArchives archives;

    public Preparer(Path home) {
        this.archives = new ImageArchives(home);
    }

    public PreparedTask prepare(TaskSpec spec, RunFolders run, long seed, double fraction) throws IOException {
        for (Path folder : List.of(run.input(), run.full(), run.evaluator())) {
            deleteRecursively(folder);
            Files.createDirectories(folder);
        }
        Sample sample = Sample.read(spec.file(TaskSpec.SAMPLE_SUBMISSION));
        Layout layout = new Layout(run);
        layout.linkBoth(Roles.SAMPLE_SUBMISSION, spec.file(TaskSpec.SAMPLE_SUBMISSION));
        Set<Path> used = linkImageArchives(spec, layout);
        TestTable test = linkTest(spec, layout, sample);
        int trainRows;
        int validRows;
        if (spec.trainFormat() == DataFormat.IMAGE_FOLDER) {
            int[] counts = splitImagePairs(spec, run, layout, sample, seed, fraction);
            trainRows = counts[0];
            validRows = counts[1];
        } else {
            Table table = spec.trainFormat() == DataFormat.JSON ? Table.json(spec) : Table.csv(spec);
            boolean[] held = HoldOutSplit.heldOut(table.rows(), table.strata(spec), table.groups(spec), fraction, seed);
            validRows = writeTables(spec, run, layout, sample, table, held, test.columns());
            trainRows = table.rows() - validRows;
            layout.linkFull(Roles.TRAIN, spec.file(TaskSpec.TRAIN));
        }
        used.addAll(List.of(spec.file(TaskSpec.TRAIN), spec.file(TaskSpec.TEST), spec.file(TaskSpec.SAMPLE_SUBMISSION)));
        spec.optionalFile(TaskSpec.TRAIN_TARGETS).ifPresent(used::add);
        linkOtherPublicFiles(spec, layout, used);
        PreparedInputs inputs = new PreparedInputs(run.input().toString(), layout.inputRoles, trainRows, validRows, test.rows());
        PreparedInputs refitInputs = new PreparedInputs(run.full().toString(), layout.fullRoles, trainRows + validRows, 0,
                test.rows());
        return new PreparedTask(inputs, refitInputs, run.validLabels(),
                run.input().resolve(layout.inputRoles.get(Roles.VALID_SAMPLE_SUBMISSION)));
    }

    /** Train/valid tables (CSV or JSON) and the evaluator's labels for the valid rows; returns the valid row count. */
    private int writeTables(TaskSpec spec, RunFolders run, Layout layout, Sample sample, Table table, boolean[] held,
                            List<String> testColumns) throws IOException {
        String extension = table.json ? ".json" : ".csv";
        Path train = run.input().resolve("train" + extension);
        Path valid = run.input().resolve("valid" + extension);
        List<Integer> validIndices = new ArrayList<>();
        for (int i = 0; i < held.length; i++) {
            if (held[i]) {
                validIndices.add(i);
            }
        }
        table.write(train, i -> !held[i], table.columns);
        table.write(valid, i -> held[i], validColumns(spec, table, testColumns));
        layout.inputRoles.put(Roles.TRAIN, "train" + extension);
        layout.inputRoles.put(Roles.VALID, "valid" + extension);

        Path validSample = run.input().resolve("valid_sample_submission.csv");
        try (CSVPrinter out = Csv.create(validSample, sample.header)) {
            for (int i : validIndices) {
                List<String> cells = new ArrayList<>();
                for (String column : sample.header) {
                    if (column.equals(spec.idColumn())) {
                        cells.add(table.cell(i, column));
                    } else if (!spec.submissionColumns().contains(column) && table.columns.contains(column)) {
                        cells.add(table.cell(i, column));
                    } else {
                        cells.add(sample.placeholder(column));
                    }
                }
                out.printRecord(cells);
            }
        }
        layout.inputRoles.put(Roles.VALID_SAMPLE_SUBMISSION, "valid_sample_submission.csv");

        List<String> labelHeader = new ArrayList<>();
        labelHeader.add(spec.idColumn());
        labelHeader.addAll(spec.submissionColumns());
        try (CSVPrinter out = Csv.create(run.validLabels(), labelHeader)) {
            for (int i : validIndices) {
                List<String> cells = new ArrayList<>();
                cells.add(table.cell(i, spec.idColumn()));
                for (String column : spec.submissionColumns()) {
                    cells.add(truth(spec, table, i, column));
                }
                out.printRecord(cells);
            }
        }
        return validIndices.size();
    }

    /**
     * The columns of a valid row: the id and the test file's columns that train has, labels never. A
     * train-only column (random-acts-of-pizza's requester_user_flair, set exactly on positive rows) would
     * let code score on validation with a feature no test row has.
     */
    private static List<String> validColumns(TaskSpec spec, Table table, List<String> testColumns) {
        List<String> columns = new ArrayList<>();
        if (!testColumns.contains(spec.idColumn()) && table.columns.contains(spec.idColumn())) {
            columns.add(spec.idColumn());
        }
        for (String column : testColumns) {
            if (table.columns.contains(column) && !spec.labelColumns().contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** The true value of a submission column for a training row: the label itself, or one-hot of a class. */
    private static String truth(TaskSpec spec, Table table, int row, String column) {
        if (spec.labelColumns().contains(column) || table.columns.contains(column)) {
            return table.cell(row, column);
        }
        String label = table.cell(row, spec.labelColumns().get(0));
        return label.equals(column) ? "1" : "0";
    }

    /**
     * Image-to-image tasks: the train images (and their targets) split by file; the evaluator keeps
     * the valid targets as per-pixel rows {@code <image>_<row>_<col>} (1-based) with values in [0, 1].
     */
    private int[] splitImagePairs(TaskSpec spec, RunFolders run, Layout layout, Sample sample, long seed, double fraction) throws IOException {
        Path trainFolder = spec.file(TaskSpec.TRAIN);
        Path targetsFolder = spec.file(TaskSpec.TRAIN_TARGETS);
        List<Path> images;
        try (Stream<Path> listing = Files.list(trainFolder)) {
            images = listing.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        boolean[] held = HoldOutSplit.heldOut(images.size(), null, null, fraction, seed);
        Path trainImages = Files.createDirectories(run.input().resolve(Roles.TRAIN_IMAGES));
        Path trainTargets = Files.createDirectories(run.input().resolve(Roles.TRAIN_TARGETS));
        Path validImages = Files.createDirectories(run.input().resolve(Roles.VALID_IMAGES));
        String value = spec.submissionColumns().get(0);
        Path validSample = run.input().resolve("valid_sample_submission.csv");
        int validCount = 0;
        try (CSVPrinter samples = Csv.create(validSample, List.of(spec.idColumn(), value));
             CSVPrinter labels = Csv.create(run.validLabels(), List.of(spec.idColumn(), value))) {
            for (int i = 0; i < images.size(); i++) {
                Path image = images.get(i);
                String fileName = image.getFileName().toString();
                if (!held[i]) {
                    LinkedCopy.place(image, trainImages.resolve(fileName));
                    LinkedCopy.place(targetsFolder.resolve(fileName), trainTargets.resolve(fileName));
                    continue;
                }
                validCount++;
                LinkedCopy.place(image, validImages.resolve(fileName));
                Raster target = readImage(targetsFolder.resolve(fileName)).getRaster();
                String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
                String placeholder = sample.placeholder(value);
                for (int y = 0; y < target.getHeight(); y++) {
                    for (int x = 0; x < target.getWidth(); x++) {
                        String id = stem + "_" + (y + 1) + "_" + (x + 1);
                        samples.printRecord(id, placeholder);
                        labels.printRecord(id, intensity(target, x, y));
                    }
                }
            }
        }
        layout.inputRoles.put(Roles.TRAIN_IMAGES, Roles.TRAIN_IMAGES);
        layout.inputRoles.put(Roles.TRAIN_TARGETS, Roles.TRAIN_TARGETS);
        layout.inputRoles.put(Roles.VALID_IMAGES, Roles.VALID_IMAGES);
        layout.inputRoles.put(Roles.VALID_SAMPLE_SUBMISSION, "valid_sample_submission.csv");
        layout.linkFull(Roles.TRAIN_IMAGES, trainFolder);
        layout.linkFull(Roles.TRAIN_TARGETS, targetsFolder);
        return new int[]{images.size() - validCount, validCount};
    }

    private static BufferedImage readImage(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + ": not an image Java can read (PNG, JPEG, BMP, GIF)");
        }
        return image;
    }

    /** Grey intensity in [0, 1]: the sample over its bit depth (mean of bands for colour images). */
    private static double intensity(Raster raster, int x, int y) {
        int bands = raster.getNumBands() >= 3 ? 3 : 1;
        double max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        double sum = 0;
        for (int b = 0; b < bands; b++) {
            sum += raster.getSample(x, y, b);
        }
        return sum / bands / max;
    }

    /** Zips of images become {@code <stem>_images} folders, extracted once into the task cache. */
    private Set<Path> linkImageArchives(TaskSpec spec, Layout layout) throws IOException {
        Set<Path> used = new HashSet<>();
        try (Stream<Path> listing = Files.list(spec.publicDir())) {
            for (Path zip : listing.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList()) {
                if (ImageArchives.holdsImages(zip)) {
                    layout.linkBoth(ImageArchives.stem(zip) + "_images", archives.extracted(zip));
                    used.add(zip);
                }
            }
        }
        return used;
    }

    /**
     * The test role: the original table, or for image tests a CSV of the sample submission's ids. Returns what the
     * test file holds, read once: its columns (image tests: the id only) and its row count.
     */
    private static TestTable linkTest(TaskSpec spec, Layout layout, Sample sample) throws IOException {
        Path test = spec.file(TaskSpec.TEST);
        switch (DataFormat.of(test)) {
            case CSV -> {
                layout.linkBoth(Roles.TEST, test);
                return TestTable.csv(test);
            }
            case JSON -> {
                layout.linkBoth(Roles.TEST, test);
                List<ObjectNode> records = JsonRecords.read(test);
                return new TestTable(JsonRecords.fields(records), records.size());
            }
            case IMAGE_FOLDER -> {
                layout.linkBoth(Roles.TEST_IMAGES, test);
                try (Stream<Path> files = Files.list(test)) {
                    return new TestTable(List.of(spec.idColumn()), (int) files.count());
                }
            }
            default -> {
                List<String> ids = sample.ids(spec.idColumn());
                for (Path folder : List.of(layout.run.input(), layout.run.full())) {
                    try (CSVPrinter out = Csv.create(folder.resolve("test.csv"), List.of(spec.idColumn()))) {
                        for (String id : ids) {
                            out.printRecord(id);
                        }
                    }
                }
                layout.inputRoles.put(Roles.TEST, "test.csv");
                layout.fullRoles.put(Roles.TEST, "test.csv");
                return new TestTable(List.of(spec.idColumn()), ids.size());
            }
        }
    }

    /** The test file's columns, which a valid row may show (validColumns), and its row count. */
    private record TestTable(List<String> columns, int rows) {
        static TestTable csv(Path file) throws IOException {
            int rows = 0;
            try (CSVParser parser = Csv.open(file)) {
                for (CSVRecord ignored : parser) {
                    rows++;
                }
                return new TestTable(List.copyOf(parser.getHeaderNames()), rows);
            }
        }
    }

    /** Every other public file or folder, by its own name — except archives that repeat the training file (labels). */
    private static void linkOtherPublicFiles(TaskSpec spec, Layout layout, Set<Path> used) throws IOException {
        String trainName = spec.file(TaskSpec.TRAIN).getFileName().toString();
        try (Stream<Path> listing = Files.list(spec.publicDir())) {
            for (Path file : listing.sorted().toList()) {
                if (used.contains(file)) {
                    continue;
                }
                String name = file.getFileName().toString();
                if (name.endsWith(".zip") && ImageArchives.holdsEntryNamed(file, trainName)) {
                    continue;
                }
                if (layout.inputRoles.containsValue(name)) {
                    continue;
                }
                // a public folder named like a role (nomad's per-row train/ and test/ geometry) keeps its files
                // under a name of its own rather than being dropped
                layout.linkBoth(layout.inputRoles.containsKey(name) ? name + "_files" : name, file);
            }
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The role maps of input/ and full/ as they are filled, and the links that fill them. */
    private static final class Layout {
        final RunFolders run;
        final Map<String, String> inputRoles = new LinkedHashMap<>();
        final Map<String, String> fullRoles = new LinkedHashMap<>();

        Layout(RunFolders run) {
            this.run = run;
        }

        void linkBoth(String role, Path target) throws IOException {
            String name = role.equals(Roles.TEST) || role.equals(Roles.SAMPLE_SUBMISSION) || role.equals(Roles.TRAIN)
                    ? target.getFileName().toString() : role;
            LinkedCopy.place(target.toAbsolutePath(), run.input().resolve(name));
            LinkedCopy.place(target.toAbsolutePath(), run.full().resolve(name));
            inputRoles.put(role, name);
            fullRoles.put(role, name);
        }

        void linkFull(String role, Path target) throws IOException {
            String name = role.equals(Roles.TRAIN) ? target.getFileName().toString() : role;
            LinkedCopy.place(target.toAbsolutePath(), run.full().resolve(name));
            fullRoles.put(role, name);
        }
    }

    /** The sample submission's header, first row (placeholders) and, on demand, its ids. */
    private record Sample(Path file, List<String> header, Map<String, String> firstRow) {
        static Sample read(Path file) throws IOException {
            try (CSVParser parser = Csv.open(file)) {
                Map<String, String> first = new LinkedHashMap<>();
                var rows = parser.iterator();
                if (rows.hasNext()) {
                    first.putAll(rows.next().toMap());
                }
                return new Sample(file, List.copyOf(parser.getHeaderNames()), first);
            }
        }

        String placeholder(String column) {
            String value = firstRow.get(column);
            return value == null || value.isEmpty() ? "0" : value;
        }

        List<String> ids(String idColumn) throws IOException {
            List<String> ids = new ArrayList<>();
            try (CSVParser parser = Csv.open(file)) {
                for (CSVRecord row : parser) {
                    ids.add(row.get(idColumn));
                }
            }
            return ids;
        }
    }

    /** Training rows of a CSV or JSON file, read whole (training tables fit in memory). */
    private static final class Table {
        final boolean json;
        final List<String> columns;
        final List<String[]> csvRows;
        final List<ObjectNode> records;

        private Table(boolean json, List<String> columns, List<String[]> csvRows, List<ObjectNode> records) {
            this.json = json;
            this.columns = columns;
            this.csvRows = csvRows;
            this.records = records;
        }

        static Table csv(TaskSpec spec) throws IOException {
            List<String[]> rows = new ArrayList<>();
            try (CSVParser parser = Csv.open(spec.file(TaskSpec.TRAIN))) {
                List<String> header = List.copyOf(parser.getHeaderNames());
                for (CSVRecord row : parser) {
                    rows.add(row.values());
                }
                return new Table(false, header, rows, null);
            }
        }

        static Table json(TaskSpec spec) throws IOException {
            List<ObjectNode> records = JsonRecords.read(spec.file(TaskSpec.TRAIN));
            return new Table(true, JsonRecords.fields(records), null, records);
        }

        int rows() {
            return json ? records.size() : csvRows.size();
        }

        String cell(int row, String column) {
            if (json) {
                return JsonRecords.text(records.get(row), column);
            }
            int index = columns.indexOf(column);
            String[] values = csvRows.get(row);
            return index < values.length ? values[index] : "";
        }

        List<String> strata(TaskSpec spec) {
            if (!spec.isClassification() || spec.labelColumns().size() != 1) {
                return null;
            }
            return column(spec.labelColumns().get(0));
        }

        List<String> groups(TaskSpec spec) {
            return spec.groupColumn() == null ? null : column(spec.groupColumn());
        }

        private List<String> column(String name) {
            List<String> values = new ArrayList<>(rows());
            for (int i = 0; i < rows(); i++) {
                values.add(cell(i, name));
            }
            return values;
        }

        /** Writes the rows {@code keep} selects, in their original order, with only the {@code written} columns (CSV: in that order). */
        void write(Path file, Function<Integer, Boolean> keep, List<String> written) throws IOException {
            if (json) {
                List<ObjectNode> selected = new ArrayList<>();
                for (int i = 0; i < records.size(); i++) {
                    if (keep.apply(i)) {
                        ObjectNode copy = records.get(i).deepCopy();
                        copy.retain(written);
                        selected.add(copy);
                    }
                }
                JsonRecords.write(file, selected);
                return;
            }
            List<Integer> kept = written.stream().map(columns::indexOf).toList();
            try (CSVPrinter out = Csv.create(file, written)) {
                for (int i = 0; i < csvRows.size(); i++) {
                    if (!keep.apply(i)) {
                        continue;
                    }
                    String[] values = csvRows.get(i);
                    List<String> cells = new ArrayList<>(kept.size());
                    for (int c : kept) {
                        cells.add(c < values.length ? values[c] : "");
                    }
                    out.printRecord(cells);
                }
            }
        }
    }
}

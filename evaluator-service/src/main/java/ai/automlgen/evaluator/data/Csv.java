package ai.automlgen.evaluator.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** CSV files as every task uses them: a header row, RFC 4180 quoting, optionally gzip-compressed (.gz). */
public final class Csv {
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

    private Csv() {
    }

    public static CSVParser open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            return READ.parse(reader);
        } catch (IOException | RuntimeException e) {
            // no parser owns the stream yet (not gzip, unreadable header): close it here
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public static List<String> header(Path file) throws IOException {
        try (CSVParser parser = open(file)) {
            return List.copyOf(parser.getHeaderNames());
        }
    }

    public static CSVPrinter create(Path file, List<String> header) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get().print(writer);
    }

    public static boolean isCsv(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }
}

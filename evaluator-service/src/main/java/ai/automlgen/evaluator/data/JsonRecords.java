package ai.automlgen.evaluator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A JSON data file holding a list of flat records (Random Acts of Pizza's train.json). */
public final class JsonRecords {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecords() {
    }

    public static List<ObjectNode> read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file.getFileName() + " is not a JSON list of records");
        }
        List<ObjectNode> records = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            if (!node.isObject()) {
                throw new IOException(file.getFileName() + " holds a " + node.getNodeType() + " where a record was expected");
            }
            records.add((ObjectNode) node);
        }
        return records;
    }

    /** Every field name, in first-seen order. */
    public static List<String> fields(List<ObjectNode> records) {
        Set<String> fields = new LinkedHashSet<>();
        records.forEach(r -> r.fieldNames().forEachRemaining(fields::add));
        return List.copyOf(fields);
    }

    /** A field as CSV text: booleans as 1/0 (how answers files write them), null as empty. */
    public static String text(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    public static void write(Path file, List<ObjectNode> records) throws IOException {
        ArrayNode array = MAPPER.createArrayNode();
        records.forEach(array::add);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), array);
    }
}

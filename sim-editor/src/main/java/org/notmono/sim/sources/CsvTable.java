package org.notmono.sim.sources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delimited text table with a header row (RFC 4180 quoting: fields in double quotes may hold
 * the delimiter, line breaks and doubled quotes), as Clotho and FSD50K ship their metadata.
 */
final class CsvTable {

    private CsvTable() {
    }

    /** A row as header-to-value map; {@code where} names it for errors ({@code clips.csv:12}). */
    record Row(String where, Map<String, String> values) {
    }

    static List<Row> parse(String text, char delimiter, String nameForErrors) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addRecord(records, lines, fields, recordLine);
                fields = new ArrayList<>();
                recordLine = ++line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException(nameForErrors + ":" + recordLine + ": a quoted field is never closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            addRecord(records, lines, fields, recordLine);
        }
        if (records.isEmpty()) {
            throw new IOException(nameForErrors + ": empty table");
        }
        List<String> header = records.getFirst().stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> record = records.get(r);
            for (int k = 0; k < header.size(); k++) {
                values.put(header.get(k), k < record.size() ? record.get(k).strip() : "");
            }
            rows.add(new Row(nameForErrors + ":" + lines.get(r), values));
        }
        return rows;
    }

    private static void addRecord(List<List<String>> records, List<Integer> lines, List<String> fields, int line) {
        boolean blank = fields.size() == 1 && fields.getFirst().isBlank();
        if (!blank) {
            records.add(fields);
            lines.add(line);
        }
    }
}

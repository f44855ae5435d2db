package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.notmono.cli.InputException;

/**
 * STARSS23 metadata: a header-less CSV with one row per active source per 100 ms frame,
 * {@code frame, class, source, azimuth, elevation, distance_cm} (DCASE 2024 task 3; angles in
 * degrees, azimuth counter-clockwise from the front, as DESIGN.md).
 */
public final class Starss23Labels {
    public static final double FRAME_SECONDS = 0.1;
    /** The 13 STARSS23 classes by index, named as {@code assets/classes.json} maps them. */
    public static final List<String> CLASSES = List.of("Female speech", "Male speech", "Clapping", "Telephone", "Laughter",
            "Domestic sounds", "Footsteps", "Door", "Music", "Musical instrument", "Water tap", "Bell", "Knock");

    private Starss23Labels() {
    }

    /** One row. */
    public record Row(int frame, int classIndex, int source, double azimuth, double elevation, double distanceCm) {

        public String className() {
            return CLASSES.get(classIndex);
        }
    }

    public static List<Row> read(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(csv)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 6) {
                throw new InputException(csv + ":" + lineNumber + ": expected 6 fields (frame, class, source, azimuth, elevation, "
                        + "distance_cm), got " + f.length);
            }
            try {
                Row row = new Row(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()), Integer.parseInt(f[2].trim()),
                        Double.parseDouble(f[3].trim()), Double.parseDouble(f[4].trim()), Double.parseDouble(f[5].trim()));
                if (row.classIndex() < 0 || row.classIndex() >= CLASSES.size()) {
                    throw new InputException(csv + ":" + lineNumber + ": class " + row.classIndex() + " is not a STARSS23 class (0-12)");
                }
                rows.add(row);
            } catch (NumberFormatException e) {
                throw new InputException(csv + ":" + lineNumber + ": not a number: " + e.getMessage());
            }
        }
        return rows;
    }
}

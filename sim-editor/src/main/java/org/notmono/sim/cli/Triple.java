package org.notmono.sim.cli;

import org.notmono.cli.InputException;
import org.notmono.sim.room.Point3;

/** Parses the {@code X,Y,Z} values of the command line. */
final class Triple {

    private Triple() {
    }

    static Point3 parse(String option, String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new InputException(option + " expects X,Y,Z in metres (e.g. 6,5,3), got '" + text + "'");
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(option + ": '" + parts[i] + "' is not a number (in '" + text + "')");
            }
            if (!Double.isFinite(v[i])) {
                throw new InputException(option + ": '" + parts[i].trim() + "' is not a finite number (in '" + text + "')");
            }
        }
        return new Point3(v[0], v[1], v[2]);
    }
}

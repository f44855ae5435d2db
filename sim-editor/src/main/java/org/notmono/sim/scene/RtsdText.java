package org.notmono.sim.scene;

import java.util.Locale;

/** The readable paragraph of an RTSD: the room, then each source's class, direction and distance. */
public final class RtsdText {

    private RtsdText() {
    }

    public static String describe(Rtsd.Room room, java.util.List<Rtsd.Source> sources) {
        StringBuilder b = new StringBuilder();
        double[] s = room.size();
        b.append(String.format(Locale.ROOT, "A %s, %s room (%s x %s x %s m, RT60 about %.2f s).",
                RoomCategory.sizeWords(room.category()), RoomCategory.reverbWords(room.reverb()),
                num(s[0]), num(s[1]), num(s[2]), room.rt60Eyring()));
        if (sources.isEmpty()) {
            b.append(" It is silent.");
        }
        for (Rtsd.Source src : sources) {
            b.append(' ').append(capitalise(name(src.classId()))).append(": ").append(where(src.azimuth(), src.elevation()))
                    .append(String.format(Locale.ROOT, ", about %s m away, from %.1f s to %.1f s", num(Math.round(src.distance() * 10) / 10.0),
                            src.onset(), src.offset()));
            if (!src.track().isEmpty()) {
                Rtsd.TrackPoint end = src.track().getLast();
                b.append(", moving to ").append(where(end.azimuth(), end.elevation()));
            }
            b.append('.');
            if (src.transcript() != null && !src.transcript().isBlank()) {
                String said = src.transcript().strip();
                // the quote closes the sentence when the transcript ends with its own punctuation
                b.append(" It says: \"").append(said).append(said.matches(".*[.!?]$") ? "\"" : "\".");
            }
        }
        return b.toString();
    }

    /** A phrase for a receiver-relative direction in DESIGN.md's words ({@link DirectionWords}): the sector, then above or below. */
    static String where(double azimuth, double elevation) {
        String phrase = DirectionWords.sector(azimuth).words();
        return switch (DirectionWords.height(elevation)) {
            case ABOVE, OVERHEAD -> phrase + ", above you";
            case BELOW -> phrase + ", below you";
            case EAR -> phrase;
        };
    }

    private static String name(String classId) {
        return classId == null ? "an unlabelled source" : classId.replace('_', ' ');
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0$", "");
    }
}

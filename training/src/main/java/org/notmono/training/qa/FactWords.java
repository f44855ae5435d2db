package org.notmono.training.qa;

import java.util.Locale;

/** An item's facts (JSON pointers into the RTSD) in words, for showing beside an answer. */
final class FactWords {
    private FactWords() {
    }

    static String say(String pointer, SceneFacts s, QaVocabulary vocab) {
        String[] p = pointer.substring(1).split("/");
        if (p[0].equals("sources") && p.length == 1) {
            return s.sources().size() + " " + PerceptionQuestions.sources(s.sources().size());
        }
        if (p[0].equals("sources")) {
            SceneFacts.Source x = s.sources().get(Integer.parseInt(p[1]));
            String name = vocab.name(x.classId());
            return switch (p[2]) {
                case "class" -> "source " + (x.index() + 1) + ": " + name;
                case "azimuth" -> name + ": azimuth " + SpatialWords.degrees(x.azimuth());
                case "elevation" -> name + ": elevation " + SpatialWords.degrees(x.elevation());
                case "distance" -> name + ": " + SpatialWords.measured(x.distance()) + " away";
                case "transcript" -> name + " says \"" + x.transcript() + "\"";
                default -> pointer;
            };
        }
        double[] z = s.room().size();
        return switch (pointer) {
            case "/room/size" -> String.format(Locale.ROOT, "room %.1f x %.1f x %.1f m", z[0], z[1], z[2]);
            case "/room/rt60/eyring" -> String.format(Locale.ROOT, "RT60 %.2f s", s.room().rt60());
            case "/receiver/position" -> String.format(Locale.ROOT, "listener at %.1f, %.1f m on the floor, ears %.1f m up",
                    s.listener().position()[0], s.listener().position()[1], s.listener().position()[2]);
            case "/receiver/yaw" -> "listener facing " + Math.round(s.listener().yaw()) + " degrees counter-clockwise from the room's length";
            case "/theme" -> "scene theme: " + (s.theme() == null ? "none" : vocab.theme(s.theme()).name());
            default -> pointer;
        };
    }
}

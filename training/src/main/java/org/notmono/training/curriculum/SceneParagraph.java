package org.notmono.training.curriculum;

import java.util.Locale;

import org.notmono.sim.scene.DirectionWords;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.qa.SceneFacts;
import org.notmono.training.qa.SpatialWords;

/**
 * A scene's description in plain sentences, from its RTSD truths: the room, then every source
 * with its class, direction, height, distance and what it says. Stage 0 trains the decoder on
 * these paragraphs and answers questions from one given as text in the prompt; Stage 2 asks the
 * projector to stand in for it ("Describe the scene.").
 */
public final class SceneParagraph {
    private SceneParagraph() {
    }

    public static String of(SceneFacts scene, QaVocabulary vocab) {
        StringBuilder sb = new StringBuilder();
        double[] size = scene.room().size();
        sb.append(String.format(Locale.ROOT, "You are in a %s, %s room of about %.0f by %.0f by %.0f m, with an RT60 of about %.1f s.",
                scene.room().category(), scene.room().reverb(), size[0], size[1], size[2], scene.room().rt60()));
        int n = scene.sources().size();
        sb.append(n == 0 ? " You hear no sound source." : n == 1 ? " You hear one sound source." : " You hear " + n + " sound sources.");
        for (SceneFacts.Source s : scene.sources()) {
            String noun = vocab.noun(s.classId());
            sb.append(' ').append(Character.toUpperCase(noun.charAt(0))).append(noun.substring(1))
                    .append(" is ").append(DirectionWords.sector(s.azimuth()).words());
            sb.append(", ").append(DirectionWords.height(s.elevation()).words());
            sb.append(", about ").append(SpatialWords.metres(SpatialWords.about(s.distance()))).append(" away");
            if (s.transcript() != null) {
                sb.append(", saying \"").append(s.transcript()).append('"');
            }
            sb.append('.');
        }
        return sb.toString();
    }
}

package org.notmono.sim.sources.music;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes short seeded pieces: a tempo, a key and a four-bar chord progression, played by one
 * instrument family as chords, arpeggios, a melody or a drum pattern. A pure function of
 * (family, seed, seconds): the same arguments always give the same score.
 */
public final class MusicComposer {

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
    /** Chord progressions as scale degrees (0 = tonic), one chord per bar. */
    private static final int[][] PROGRESSIONS = {
            {0, 4, 5, 3}, {0, 5, 3, 4}, {0, 3, 4, 0}, {5, 3, 0, 4}, {0, 2, 3, 4}, {0, 3, 0, 4}};
    /** Melody note lengths in beats. */
    private static final double[] MELODY_BEATS = {0.5, 0.5, 1, 1, 1, 1.5, 2};
    /** Time left at the end for the last notes to ring out. */
    private static final double RELEASE_SECONDS = 0.4;

    private static final int KICK = 36;
    private static final int SNARE = 38;
    private static final int CLOSED_HAT = 42;
    private static final int OPEN_HAT = 46;
    private static final int LOW_TOM = 45;
    private static final int HIGH_TOM = 50;
    private static final int CRASH = 49;

    /** Composes a piece of {@code seconds} length (the last notes end a little earlier). */
    public Score compose(InstrumentFamily family, long seed, double seconds) {
        if (!(seconds > 1.0)) {
            throw new IllegalArgumentException("a piece needs more than 1 second, got " + seconds);
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + family.ordinal());
        int program = family.programs().get(random.nextInt(family.programs().size()));
        double beat = 60.0 / (76 + random.nextInt(61));
        double end = seconds - RELEASE_SECONDS;
        if (family.isPercussion()) {
            return new Score(family, program, drums(random, beat, end));
        }
        Harmony harmony = new Harmony(
                48 + random.nextInt(12), random.nextBoolean() ? MAJOR : MINOR,
                PROGRESSIONS[random.nextInt(PROGRESSIONS.length)], beat);
        List<NoteEvent> notes = new ArrayList<>();
        switch (family) {
            case PIANO -> {
                chords(harmony, end, random, notes, 2, 62);
                melody(harmony, end, random, notes, 12);
            }
            case GUITAR -> arpeggio(harmony, end, random, notes);
            case STRINGS, ORGAN -> {
                chords(harmony, end, random, notes, 4, 70);
                melody(harmony, end, random, notes, 12);
            }
            case BRASS, WOODWIND -> melody(harmony, end, random, notes, 12);
            default -> throw new IllegalStateException("no texture for " + family);
        }
        return new Score(family, program, notes);
    }

    /** Key, scale, progression and tempo shared by the parts of one piece. */
    private record Harmony(int root, int[] scale, int[] progression, double beat) {

        double bar() {
            return 4 * beat;
        }

        /** Degree of the chord sounding at time t. */
        int chordAt(double t) {
            return progression[(int) (t / bar()) % progression.length];
        }

        /** MIDI key of a scale degree (may run past the octave) above the root plus an offset. */
        int key(int degree, int octaveOffset) {
            int octave = Math.floorDiv(degree, scale.length);
            return root + octaveOffset + 12 * octave + scale[Math.floorMod(degree, scale.length)];
        }
    }

    /** Block chords (root, third, fifth) held for {@code beatsPerChord} beats. */
    private static void chords(Harmony h, double end, SplittableRandom random, List<NoteEvent> notes,
                               int beatsPerChord, int velocity) {
        double length = beatsPerChord * h.beat();
        for (double t = 0; t + 0.1 < end; t += length) {
            int degree = h.chordAt(t);
            double stop = Math.min(end, t + length * 0.95);
            for (int third = 0; third < 3; third++) {
                notes.add(new NoteEvent(h.key(degree + 2 * third, 0), velocity + random.nextInt(12), t, stop));
            }
        }
    }

    /** Eighth-note arpeggios over the chord tones, up and down. */
    private static void arpeggio(Harmony h, double end, SplittableRandom random, List<NoteEvent> notes) {
        int[] pattern = random.nextBoolean() ? new int[] {0, 2, 4, 7, 4, 2} : new int[] {0, 4, 2, 4, 7, 4};
        double step = h.beat() / 2;
        int i = 0;
        for (double t = 0; t + 0.05 < end; t += step, i++) {
            int degree = h.chordAt(t) + pattern[i % pattern.length];
            notes.add(new NoteEvent(h.key(degree, 0), 72 + random.nextInt(25), t, Math.min(end, t + 2 * step)));
        }
    }

    /** A random walk on the scale, in steps of up to a third, starting on a chord tone, with rests. */
    private static void melody(Harmony h, double end, SplittableRandom random, List<NoteEvent> notes, int octaveOffset) {
        int degree = h.chordAt(0) + 2 * random.nextInt(3);
        double t = 0;
        while (t + 0.1 < end) {
            double length = MELODY_BEATS[random.nextInt(MELODY_BEATS.length)] * h.beat();
            if (random.nextInt(8) > 0) {
                notes.add(new NoteEvent(h.key(degree, octaveOffset), 80 + random.nextInt(30), t,
                        Math.min(end, t + length * 0.9)));
            }
            t += length;
            degree = Math.max(-3, Math.min(10, degree + random.nextInt(5) - 2));
        }
    }

    /** A sixteenth-note groove: kick and snare backbeat, hats, random fills and a crash to open. */
    private static List<NoteEvent> drums(SplittableRandom random, double beat, double end) {
        List<NoteEvent> notes = new ArrayList<>();
        double step = beat / 4;
        long kickPattern = random.nextLong() | 1L;   // 16 bits per bar: which sixteenths get a kick
        boolean openHats = random.nextBoolean();
        notes.add(new NoteEvent(CRASH, 100, 0, Math.min(end, 1.0)));
        int i = 0;
        for (double t = 0; t + 0.05 < end; t += step, i++) {
            int sixteenth = i % 16;
            double stop = Math.min(end, t + step);
            if (sixteenth % 8 == 0 || (sixteenth % 4 == 2 && (kickPattern >> sixteenth & 1) == 1)) {
                notes.add(new NoteEvent(KICK, 105 + random.nextInt(20), t, stop));
            }
            if (sixteenth == 4 || sixteenth == 12) {
                notes.add(new NoteEvent(SNARE, 100 + random.nextInt(25), t, stop));
            }
            if (sixteenth % 2 == 0) {
                int hat = openHats && sixteenth % 4 == 2 ? OPEN_HAT : CLOSED_HAT;
                notes.add(new NoteEvent(hat, 60 + random.nextInt(40), t, stop));
            }
            if (sixteenth >= 13 && random.nextInt(3) == 0) {
                notes.add(new NoteEvent(random.nextBoolean() ? LOW_TOM : HIGH_TOM, 90 + random.nextInt(30), t, stop));
            }
        }
        return notes;
    }
}

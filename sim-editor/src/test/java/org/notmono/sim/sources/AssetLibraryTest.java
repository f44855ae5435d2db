package org.notmono.sim.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;

class AssetLibraryTest {

    private static AssetLibrary library;
    private static ClassVocabulary vocabulary;

    @BeforeAll
    static void load() throws IOException {
        library = AssetLibrary.load();
        vocabulary = ClassVocabulary.fromAssets();
    }

    @Test
    void everyEntryLoadsMonoAndAudibleWithLicenceAndKnownClass() throws IOException {
        List<String> problems = new ArrayList<>();
        for (AssetClip entry : library.entries()) {
            AudioClip audio = library.load(entry.info(), entry.sampleRate());
            String id = entry.ref() + ": ";
            if (audio.channelCount() != 1) {
                problems.add(id + audio.channelCount() + " channels");
            }
            if (Math.abs(audio.duration() - entry.duration()) > 0.01) {
                problems.add(id + "lasts " + audio.duration() + " s, manifest says " + entry.duration());
            }
            if (rmsDb(audio.channels()[0]) < -40) {
                problems.add(id + "silent (" + rmsDb(audio.channels()[0]) + " dBFS)");
            }
            if (entry.licence().isBlank() || entry.attribution().isBlank()) {
                problems.add(id + "no licence or attribution");
            }
            if (!vocabulary.find(entry.classId()).map(c -> c.family() == entry.family()).orElse(false)) {
                problems.add(id + "class '" + entry.classId() + "' not in the vocabulary as " + entry.family().id());
            }
            if (entry.family() == SourceFamily.SPEECH && (entry.transcript() == null || entry.transcript().isBlank()
                    || entry.language() == null)) {
                problems.add(id + "speech without transcript or language");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyClassHasClipsAndAllThreeFamiliesArePresent() {
        for (SourceClass c : vocabulary.classes()) {
            assertFalse(library.clips().stream().noneMatch(i -> i.classId().equals(c.id())), c.id() + " has no clip");
        }
        for (SourceFamily f : SourceFamily.values()) {
            assertTrue(library.clips(f).size() >= 20, f + " has only " + library.clips(f).size() + " clips");
        }
    }

    @Test
    void loadResamplesToTheAskedRate() throws IOException {
        ClipInfo clip = library.clips(SourceFamily.ENVIRONMENTAL).getFirst();
        AudioClip at16k = library.load(clip, 16000);
        assertEquals(16000, at16k.sampleRate());
        assertEquals(clip.duration(), at16k.duration(), 0.01);
    }

    @Test
    void syntheticSpeechIsMarkedAndRealSpeechIsNot() {
        List<AssetClip> speech = library.entries().stream().filter(e -> e.family() == SourceFamily.SPEECH).toList();
        assertTrue(speech.stream().anyMatch(e -> e.synthetic() && e.packageName().equals("flite")));
        assertTrue(speech.stream().filter(e -> e.packageName().startsWith("asterisk")).noneMatch(AssetClip::synthetic));
    }

    @Test
    void manifestHashIsSha256Hex() {
        assertNotNull(library.manifestSha256());
        assertTrue(library.manifestSha256().matches("[0-9a-f]{64}"));
    }

    private static double rmsDb(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        return 10 * Math.log10(sum / x.length + 1e-20);
    }

    @Test
    void everyManifestClipIsDcFree() throws IOException {
        List<String> offsets = new ArrayList<>();
        for (AssetClip entry : library.entries()) {
            double mean = org.notmono.audio.Levels.mean(library.load(entry.info(), entry.sampleRate()).channels()[0]);
            if (Math.abs(mean) >= 1e-3) {
                offsets.add(entry.ref() + ": mean " + mean);
            }
        }
        assertEquals(List.of(), offsets, "a DC offset becomes a large sub-sonic level once convolved with an RIR");
    }
}

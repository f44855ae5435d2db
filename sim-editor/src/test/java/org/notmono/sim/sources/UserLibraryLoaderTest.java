package org.notmono.sim.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;

class UserLibraryLoaderTest {

    private static UserLibraryLoader loader;

    @BeforeAll
    static void vocabulary() throws IOException {
        loader = new UserLibraryLoader(ClassVocabulary.fromAssets());
    }

    @Test
    void folderOfClassFoldersLoadsAndReportsBrokenEntries(@TempDir Path root) throws IOException {
        tone(root.resolve("dog_bark/a.wav"), 22050, 2);
        tone(root.resolve("Female speech/b.wav"), 16000, 1);
        tone(root.resolve("unicorns/c.wav"), 16000, 1);
        garbage(root.resolve("door/broken.wav"));
        Files.writeString(root.resolve("door/notes.txt"), "not audio, ignored");

        UserLibrary library = loader.open(root);

        assertEquals(Map.of("a.wav", "dog_bark", "b.wav", "female_speech", "c.wav", "unicorns"), classesByFile(library));
        assertEquals(SourceFamily.SPEECH, byFile(library, "b.wav").family());
        assertEquals(List.of(Path.of("door", "broken.wav") + " UNREADABLE_AUDIO", Path.of("unicorns", "c.wav") + " UNKNOWN_CLASS"),
                library.problems().stream().map(p -> p.entry() + " " + p.kind()).toList());

        AudioClip dog = library.load(byFile(library, "a.wav"), 16000);
        assertEquals(1, dog.channelCount(), "stereo user clips are mixed to mono");
        assertEquals(16000, dog.sampleRate());
        assertEquals(0.5, dog.duration(), 0.01);
    }

    @Test
    void csvWithClothoAndFsd50kColumnsLoadsAndReportsPerRow(@TempDir Path root) throws IOException {
        tone(root.resolve("audio/bark.wav"), 44100, 1);
        tone(root.resolve("audio/kazoo.wav"), 44100, 1);
        tone(root.resolve("audio/tap, running.wav"), 44100, 1);
        Files.writeString(root.resolve("clips.csv"), """
                fname,labels,mids,split
                audio/bark.wav,"Bark,Dog,Domestic_animals_and_pets",/m/05tny_,train
                audio/kazoo.wav,Kazoo,/m/03qtq,train
                audio/missing.wav,Door,/m/02dgv,val
                "audio/tap, running.wav",Water_tap_and_faucet,/m/02jz0l,train
                """);

        UserLibrary library = loader.open(root.resolve("clips.csv"));

        assertEquals(Map.of("bark.wav", "dog_bark", "kazoo.wav", "Kazoo", "tap, running.wav", "water_tap"),
                classesByFile(library));
        assertEquals(List.of("clips.csv:3 UNKNOWN_CLASS", "clips.csv:4 MISSING_FILE"),
                library.problems().stream().map(p -> p.entry() + " " + p.kind()).toList());
    }

    @Test
    void clothoCaptionsWithAClassColumnLoad(@TempDir Path root) throws IOException {
        tone(root.resolve("steps.wav"), 44100, 1);
        Files.writeString(root.resolve("captions.csv"), """
                file_name,caption_1,caption_2,class
                steps.wav,"Someone walks, slowly, on a ""wooden"" floor.",Footsteps on wood.,footsteps
                """);
        UserLibrary library = loader.open(root.resolve("captions.csv"));
        assertEquals(Map.of("steps.wav", "footsteps"), classesByFile(library));
        assertEquals(List.of(), library.problems());
    }

    @Test
    void jsonWithLibriTtsColumnsLoadsSpeechWithTranscripts(@TempDir Path root) throws IOException {
        tone(root.resolve("wavs/1.wav"), 24000, 1);
        tone(root.resolve("wavs/2.wav"), 24000, 1);
        Files.writeString(root.resolve("not-audio.wav"), "");
        Files.writeString(root.resolve("libri.json"), """
                {"clips": [
                  {"audio_path": "wavs/1.wav", "text_normalized": "It was a bright cold day.", "speaker": 84, "gender": "F"},
                  {"audio_path": "wavs/2.wav", "text_normalized": "The clocks were striking.", "speaker": 121, "gender": "M"},
                  {"audio_path": "wavs/3.wav", "text_normalized": "Gone.", "gender": "M"},
                  {"audio_path": "not-audio.wav", "text_normalized": "Empty.", "gender": "F"},
                  {"speaker": 7},
                  42
                ]}""");

        UserLibrary library = loader.open(root.resolve("libri.json"));

        assertEquals(Map.of("1.wav", "female_speech", "2.wav", "male_speech"), classesByFile(library));
        assertEquals("The clocks were striking.", byFile(library, "2.wav").transcript());
        assertEquals(List.of("libri.json clips[2] MISSING_FILE", "libri.json clips[3] UNREADABLE_AUDIO",
                        "libri.json clips[4] BAD_ENTRY", "libri.json clips[5] BAD_ENTRY"),
                library.problems().stream().map(p -> p.entry() + " " + p.kind()).toList());
    }

    private static Map<String, String> classesByFile(UserLibrary library) {
        return library.clips().stream().collect(Collectors.toMap(c -> Path.of(c.ref()).getFileName().toString(), ClipInfo::classId));
    }

    private static ClipInfo byFile(UserLibrary library, String name) {
        return library.clips().stream().filter(c -> Path.of(c.ref()).getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    /** Half a second of 440 Hz. */
    private static void tone(Path file, int rate, int channels) throws IOException {
        Files.createDirectories(file.getParent());
        float[][] data = new float[channels][rate / 2];
        for (float[] c : data) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / rate));
            }
        }
        Wav.write(file, new AudioClip(rate, data), SampleEncoding.PCM_16);
    }

    private static void garbage(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "RIFF? no, just text pretending to be a WAV file");
    }
}

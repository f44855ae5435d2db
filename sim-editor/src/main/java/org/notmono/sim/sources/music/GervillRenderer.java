package org.notmono.sim.sources.music;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import com.sun.media.sound.ModelPatch;
import com.sun.media.sound.SoftSynthesizer;
import org.notmono.audio.AudioClip;

/**
 * Renders a {@link Score} offline with Java's built-in Gervill synthesiser and a given SF2
 * soundbank. Offline rendering pulls samples from the synthesiser's stream, so it is exact and
 * repeatable: the same score gives the same samples. Reverb and chorus are off (sources must
 * be dry), and Gervill's default soundbank is never loaded, because building that one writes an
 * emergency soundbank into {@code ~/.gervill}.
 */
public final class GervillRenderer {

    private static final int MELODIC_CHANNEL = 0;
    private static final int PERCUSSION_CHANNEL = 9;
    private static final Map<String, Object> OFFLINE = Map.of(
            "load default soundbank", false,
            "reverb", false,
            "chorus", false,
            "jitter correction", false,
            "max polyphony", 128);

    private final Soundbank soundbank;

    public GervillRenderer(Soundbank soundbank) {
        this.soundbank = soundbank;
    }

    /** Reads an SF2 soundbank (not SF3: Gervill would play its compressed samples as noise). */
    public static GervillRenderer fromSf2(InputStream sf2, String nameForErrors) throws IOException {
        try {
            return new GervillRenderer(MidiSystem.getSoundbank(new BufferedInputStream(sf2)));
        } catch (InvalidMidiDataException e) {
            throw new IOException(nameForErrors + ": not a readable SF2 soundbank (" + e.getMessage() + ")", e);
        }
    }

    /** Renders the score to a mono clip of exactly {@code seconds} at {@code sampleRate}. */
    public AudioClip render(Score score, double seconds, int sampleRate) throws IOException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 2, true, false);
        SoftSynthesizer synth = new SoftSynthesizer();
        try (AudioInputStream stream = synth.openStream(format, OFFLINE)) {
            Instrument instrument = instrumentFor(score);
            if (!synth.loadInstrument(instrument)) {
                throw new IOException("Gervill could not load " + instrument.getName() + " from the soundbank");
            }
            send(synth.getReceiver(), score);
            return AudioClip.mono(sampleRate, readMono(stream, (int) Math.round(seconds * sampleRate)));
        } catch (MidiUnavailableException | InvalidMidiDataException e) {
            throw new IOException("Gervill could not render " + score.family().classId() + ": " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    /** Loading only the piece's instrument keeps a render short; the whole bank takes most of a second. */
    private Instrument instrumentFor(Score score) throws IOException {
        for (Instrument i : soundbank.getInstruments()) {
            Patch patch = i.getPatch();
            boolean percussion = patch instanceof ModelPatch mp && mp.isPercussion();
            if (percussion == score.family().isPercussion() && patch.getBank() == 0 && patch.getProgram() == score.program()) {
                return i;
            }
        }
        throw new IOException("the soundbank has no " + (score.family().isPercussion() ? "drum kit " : "program ")
                + score.program() + " in bank 0");
    }

    private static void send(Receiver receiver, Score score) throws InvalidMidiDataException {
        int channel = score.family().isPercussion() ? PERCUSSION_CHANNEL : MELODIC_CHANNEL;
        receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, score.program(), 0), 0);
        List<NoteEvent> notes = score.notes().stream().sorted(Comparator.comparingDouble(NoteEvent::start)).toList();
        for (NoteEvent n : notes) {
            receiver.send(message(ShortMessage.NOTE_ON, channel, n.key(), n.velocity()), micros(n.start()));
            receiver.send(message(ShortMessage.NOTE_OFF, channel, n.key(), 0), micros(n.end()));
        }
    }

    private static MidiMessage message(int command, int channel, int key, int velocity) throws InvalidMidiDataException {
        return new ShortMessage(command, channel, key, velocity);
    }

    /** Gervill's stream timestamps are microseconds from the start of the stream. */
    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    private static float[] readMono(AudioInputStream stream, int frames) throws IOException {
        byte[] bytes = stream.readNBytes(frames * 4);
        if (bytes.length != frames * 4) {
            throw new IOException("Gervill delivered " + bytes.length / 4 + " of " + frames + " frames");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] mono = new float[frames];
        for (int i = 0; i < frames; i++) {
            mono[i] = (buffer.getShort() + buffer.getShort()) / 65536f;
        }
        return mono;
    }
}

package org.notmono.viewer.listen;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.notmono.audio.AudioClip;

/**
 * Plays a clip through javax.sound.sampled on its own thread: play, pause, seek, loop, and the
 * position heard now. Without a sound device {@link #play} throws a {@link PlaybackException}
 * saying so; nothing else fails.
 */
public final class Player implements AutoCloseable {
    private static final double BLOCK_SECONDS = 0.05;

    private final AudioClip clip;
    private final Object lock = new Object();
    private volatile boolean loop;
    private volatile long startFrame;
    private volatile SourceDataLine line;
    private volatile boolean playing;
    private Thread thread;

    /** Thrown when there is no way to play sound here. */
    public static final class PlaybackException extends Exception {
        PlaybackException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Player(AudioClip clip) {
        if (clip.channelCount() > 2) {
            throw new IllegalArgumentException("decode to stereo before playing: got " + clip.channelCount() + " channels");
        }
        this.clip = clip;
    }

    public void setLoop(boolean loop) {
        this.loop = loop;
    }

    public boolean isPlaying() {
        return playing;
    }

    /** Seconds into the clip of what is heard now. */
    public double position() {
        long frames;
        synchronized (lock) {
            SourceDataLine l = line;
            frames = startFrame + (l == null ? 0 : l.getLongFramePosition());
        }
        return (loop ? frames % clip.frames() : Math.min(frames, clip.frames())) / (double) clip.sampleRate();
    }

    /** Starts from {@code seconds}; stops first if playing. */
    public void play(double seconds) throws PlaybackException {
        pause();
        AudioFormat format = new AudioFormat(clip.sampleRate(), 16, 2, true, false);
        SourceDataLine l;
        try {
            l = AudioSystem.getSourceDataLine(format);
            l.open(format, (int) (clip.sampleRate() * BLOCK_SECONDS * 4) * 4);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new PlaybackException("cannot play sound here (no audio output device?): " + e.getMessage(), e);
        }
        synchronized (lock) {
            startFrame = Math.clamp(Math.round(seconds * clip.sampleRate()), 0, clip.frames());
            line = l;
            playing = true;
            thread = new Thread(() -> pump(l), "notmono-playback");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void pump(SourceDataLine l) {
        l.start();
        int block = (int) (clip.sampleRate() * BLOCK_SECONDS);
        byte[] bytes = new byte[block * 4];
        long frame = startFrame;
        float[] left = clip.channel(0);
        float[] right = clip.channel(clip.channelCount() - 1);
        while (playing) {
            if (frame >= clip.frames()) {
                if (!loop) {
                    break;
                }
                frame = 0;
            }
            int n = (int) Math.min(block, clip.frames() - frame);
            for (int i = 0; i < n; i++) {
                put(bytes, 4 * i, left[(int) frame + i]);
                put(bytes, 4 * i + 2, right[(int) frame + i]);
            }
            l.write(bytes, 0, n * 4);
            frame += n;
        }
        if (playing) {
            l.drain();
            synchronized (lock) {
                if (line == l) { // ended by itself: keep the place where it ended
                    startFrame += l.getLongFramePosition();
                    line = null;
                }
            }
        }
        playing = false;
        l.stop();
        l.close();
    }

    private static void put(byte[] b, int at, float v) {
        int s = (int) Math.round(Math.clamp(v, -1f, 1f) * 32767);
        b[at] = (byte) s;
        b[at + 1] = (byte) (s >> 8);
    }

    /** Stops playing; {@link #position()} keeps the place. */
    public void pause() {
        Thread t;
        synchronized (lock) {
            if (!playing && thread == null) {
                return;
            }
            playing = false;
            t = thread;
            thread = null;
        }
        SourceDataLine l;
        synchronized (lock) {
            l = line;
            if (l != null) {
                startFrame += l.getLongFramePosition();
                line = null;
            }
        }
        if (l != null) {
            l.flush();
        }
        if (t != null) {
            try {
                t.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        pause();
    }
}

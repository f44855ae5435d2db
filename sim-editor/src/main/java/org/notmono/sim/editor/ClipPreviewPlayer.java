package org.notmono.sim.editor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.notmono.audio.AudioClip;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.task.TaskContext;

/** Plays a dry clip once through the default audio output, as a cancellable background task. */
public final class ClipPreviewPlayer {
    private static final int RATE = 48000;
    private static final int BLOCK = 4800;

    private final TaskService tasks;
    private final ClipLibrary library;

    public ClipPreviewPlayer(TaskService tasks, ClipLibrary library) {
        this.tasks = tasks;
        this.library = library;
    }

    public void play(ClipInfo clip) {
        tasks.submit("Preview " + clip.ref(), ctx -> {
            play(library.load(clip, RATE), ctx);
            return clip;
        }, c -> { });
    }

    private static void play(AudioClip clip, TaskContext ctx) throws LineUnavailableException {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            float[] x = clip.channel(0);
            ByteBuffer buf = ByteBuffer.allocate(BLOCK * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int start = 0; start < x.length; start += BLOCK) {
                ctx.checkCancelled();
                ctx.progress((double) start / x.length, "playing");
                buf.clear();
                int end = Math.min(x.length, start + BLOCK);
                for (int i = start; i < end; i++) {
                    buf.putShort((short) Math.round(Math.clamp(x[i], -1f, 1f) * Short.MAX_VALUE));
                }
                line.write(buf.array(), 0, buf.position());
            }
            line.drain();
        }
    }
}

package org.notmono.model.encoder;

import java.util.List;
import java.util.Locale;

/**
 * The architecture of the spatial encoder (DESIGN.md, TWNM 4.2.1). {@code paper} is TWNM's
 * size; {@code tiny} pools the frequency axis to 32 bands and uses hop 256 pooled 4x in time so it trains on two
 * CPU cores (notes/djl-on-cpu.md); {@code base} sits between.
 *
 * @param hop             STFT hop in samples (window {@link #STFT_SIZE})
 * @param compression     power-law exponent applied with one gain per time-frequency bin to all channels
 * @param hidden          channels after the grouped projection
 * @param frequencyPool   adjacent bins averaged after the projection (1: none)
 * @param timePool        adjacent frames averaged after the projection (1: none)
 * @param blocks          layer blocks
 * @param heads           attention heads (narrow-band and slot attention)
 * @param feedForward     feed-forward width inside a layer block
 * @param embedding       width of frame embeddings, slots and the pooled representation
 * @param slots           attractor slots: up to {@code slots - 1} sources plus an empty slot
 * @param melBands        log-mel bands of the semantic branch
 */
public record EncoderConfig(String name, int sampleRate, int hop, double compression, int hidden, int projectionKernel,
                            int projectionGroups, int frequencyPool, int timePool, int blocks, int crossBandKernel,
                            int crossBandGroups, int bottleneck, int heads, int feedForward, int temporalKernel,
                            int embedding, int slots, int melBands) {

    public static final int STFT_SIZE = 256;
    public static final int CHANNELS = 8;
    public static final List<String> NAMES = List.of("tiny", "base", "paper");

    public EncoderConfig {
        if (hidden % projectionGroups != 0 || hidden % crossBandGroups != 0 || hidden % heads != 0 || embedding % heads != 0) {
            throw new IllegalArgumentException("config " + name + ": hidden " + hidden + " and embedding " + embedding
                    + " must divide into the projection groups, cross-band groups and heads");
        }
        if (hop < 1 || hop > STFT_SIZE || frequencyPool < 1 || timePool < 1 || blocks < 1 || slots < 2) {
            throw new IllegalArgumentException("config " + name + ": hop, pools, blocks or slots out of range");
        }
    }

    public static EncoderConfig named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> new EncoderConfig("tiny", 16000, 256, 0.3, 32, 5, 4, 4, 4, 2, 5, 8, 8, 2, 64, 5, 64, 4, 64);
            case "base" -> new EncoderConfig("base", 16000, 128, 0.3, 64, 5, 4, 2, 2, 4, 5, 8, 8, 4, 128, 5, 128, 4, 64);
            case "paper" -> new EncoderConfig("paper", 16000, 128, 0.3, 96, 5, 4, 1, 1, 8, 5, 8, 8, 4, 192, 5, 192, 4, 64);
            default -> throw new IllegalArgumentException("no encoder config named '" + name + "' (known: " + NAMES + ")");
        };
    }

    public int bins() {
        return STFT_SIZE / 2 + 1;
    }

    /** Frequency bands the layer blocks see. */
    public int bands() {
        return bins() / frequencyPool;
    }

    /** STFT frames of a clip of {@code samples} samples (centred frames). */
    public int frames(int samples) {
        return samples / hop + 1;
    }
}

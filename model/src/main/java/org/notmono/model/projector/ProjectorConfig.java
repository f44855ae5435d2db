package org.notmono.model.projector;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The shape of the projector from encoder outputs to the decoder's width.
 *
 * @param kind P0, P1 or P2
 * @param semanticDim width E of the encoder's semantic frames
 * @param slots encoder slots S (one audio token each)
 * @param classes classes of the encoder's class head
 * @param hidden width of every expert
 * @param bottleneck width of the bottleneck before the LM width
 * @param lmWidth the decoder's hidden size d
 * @param framePool semantic frames averaged into one audio token (to ~8 tokens per second)
 * @param classWords empty, or per class of the encoder's class head the words the decoder's text
 *                   names it with ("kettle", "water tap running"): each slot token then adds the
 *                   decoder's embedding of those words, weighted by the slot's class probabilities
 *                   (decision 0012)
 * @param roomWords empty, or the words the decoder's text names the room categories with, in
 *                  {@link RoomWordWeights#words()}'s order: the scene token then adds the decoder's
 *                  embedding of those words, weighted by the encoder's room estimate (decision 0017)
 * @param slotsAtWordScale with class words only: each slot token's learned part is rescaled to the length of the class
 *                         words it adds, so the words are about half of the token instead of a few percent (decision 0019)
 */
public record ProjectorConfig(ProjectorKind kind, int semanticDim, int slots, int classes, int hidden, int bottleneck,
                              int lmWidth, int framePool, List<String> classWords, List<String> roomWords,
                              // left out of model.json when false, so code from before decision 0019 reads such checkpoints
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean slotsAtWordScale) {
    public ProjectorConfig {
        if (semanticDim < 1 || slots < 1 || classes < 1 || hidden < 1 || bottleneck < 1 || lmWidth < 1 || framePool < 1) {
            throw new IllegalArgumentException("projector sizes must be positive: " + semanticDim + ", " + slots + ", "
                    + classes + ", " + hidden + ", " + bottleneck + ", " + lmWidth + ", " + framePool);
        }
        classWords = classWords == null ? List.of() : List.copyOf(classWords);
        if (!classWords.isEmpty() && classWords.size() != classes) {
            throw new IllegalArgumentException("classWords names " + classWords.size() + " classes but the class head has " + classes);
        }
        if (classWords.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("classWords has a blank entry: " + classWords);
        }
        roomWords = roomWords == null ? List.of() : List.copyOf(roomWords);
        if (!roomWords.isEmpty() && roomWords.size() != ROOM_WORDS) {
            throw new IllegalArgumentException("roomWords names " + roomWords.size() + " categories, not the " + ROOM_WORDS
                    + " of " + RoomWordWeights.words() + ": " + roomWords);
        }
        if (roomWords.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("roomWords has a blank entry: " + roomWords);
        }
        if (slotsAtWordScale && classWords.isEmpty()) {
            throw new IllegalArgumentException("slotsAtWordScale scales slot tokens to their class words: it needs classWords");
        }
    }

    /** Room words a projector with them names: three sizes, three reverberations. */
    static final int ROOM_WORDS = 6;

    /** A projector whose slot tokens keep their learned length (checkpoints before decision 0019). */
    public ProjectorConfig(ProjectorKind kind, int semanticDim, int slots, int classes, int hidden, int bottleneck, int lmWidth,
                           int framePool, List<String> classWords, List<String> roomWords) {
        this(kind, semanticDim, slots, classes, hidden, bottleneck, lmWidth, framePool, classWords, roomWords, false);
    }

    /** A projector without room words (checkpoints before decision 0017). */
    public ProjectorConfig(ProjectorKind kind, int semanticDim, int slots, int classes, int hidden, int bottleneck, int lmWidth,
                           int framePool, List<String> classWords) {
        this(kind, semanticDim, slots, classes, hidden, bottleneck, lmWidth, framePool, classWords, List.of(), false);
    }

    /** A projector without class or room words (checkpoints before decision 0012). */
    public ProjectorConfig(ProjectorKind kind, int semanticDim, int slots, int classes, int hidden, int bottleneck, int lmWidth,
                           int framePool) {
        this(kind, semanticDim, slots, classes, hidden, bottleneck, lmWidth, framePool, List.of(), List.of(), false);
    }

    /** Per-slot features of the spatial summary: direction weighted by existence (3), distance weighted (1), existence (1). */
    static final int SLOT_FEATURES = 5;

    /** Width of the clip's spatial summary: every slot's features, the room (2) and the expected count (1). */
    int spatialSummary() {
        return slots * SLOT_FEATURES + 3;
    }

    /** Audio tokens for a clip whose encoder gave {@code semanticFrames} frames: pooled frames, one per slot, one scene token. */
    public int tokens(int semanticFrames) {
        return frames(semanticFrames) + slots + 1;
    }

    /** Pooled frame tokens for {@code semanticFrames} frames (at least one). */
    public int frames(int semanticFrames) {
        return Math.max(1, semanticFrames / framePool);
    }
}

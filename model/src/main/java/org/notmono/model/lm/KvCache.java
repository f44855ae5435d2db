package org.notmono.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Keys and values of every layer for the positions already processed, so each new token
 * attends to them without recomputing them. Each layer's keys (and values) sit in one buffer
 * [B * kvHeads, capacity, headDim], allocated for the expected length and written in place, so
 * a step copies only its own position instead of the whole cache; a buffer that fills up is
 * replaced by one twice as long. The buffers live in the cache's own manager; close the cache
 * to free them.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final int kvHeads;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int capacity;
    private int length;

    KvCache(NDManager parent, int layers, int kvHeads, int capacity) {
        this.manager = parent.newSubManager();
        this.kvHeads = kvHeads;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.capacity = capacity;
    }

    /** Positions already cached. */
    public int length() {
        return length;
    }

    /**
     * Writes layer {@code layer}'s new keys and values [B * kvHeads, T, headDim] after the cached
     * positions and returns all of them (k, v) as views in {@code step}'s manager.
     */
    NDArray[] append(int layer, NDArray k, NDArray v, NDManager step) {
        int t = (int) k.getShape().get(1);
        int held = keys[layer] == null ? 0 : (int) keys[layer].getShape().get(1);
        if (length + t > held) {
            int room = Math.max(length + t, Math.max(capacity, 2 * held));
            keys[layer] = grown(keys[layer], k, room);
            values[layer] = grown(values[layer], v, room);
        }
        write(keys[layer], k, length);
        write(values[layer], v, length);
        return new NDArray[] {upTo(keys[layer], length + t, step), upTo(values[layer], length + t, step)};
    }

    /** Called once per forward pass after all layers appended {@code added} positions. */
    void advance(int added) {
        length += added;
    }

    /** A buffer of {@code room} positions for arrays like {@code like}, holding the cached part of {@code old} (then closed). */
    private NDArray grown(NDArray old, NDArray like, int room) {
        Shape s = like.getShape();
        NDArray buffer = manager.zeros(new Shape(s.get(0), room, s.get(2)), like.getDataType());
        if (old != null) {
            try (NDManager scratch = manager.newSubManager()) {
                write(buffer, upTo(old, length, scratch), 0);
            }
            old.close();
        }
        return buffer;
    }

    /** {@code buffer[:, at : at + T, :] = part}, in place. */
    private static void write(NDArray buffer, NDArray part, int at) {
        Shape s = part.getShape();
        JniUtils.indexSet((PtNDArray) buffer, (PtNDArray) part, new long[] {0, at, 0},
                new long[] {s.get(0), at + s.get(1), s.get(2)}, new long[] {1, 1, 1});
    }

    /** The view {@code buffer[:, :positions, :]} in {@code owner}. */
    private static NDArray upTo(NDArray buffer, int positions, NDManager owner) {
        NDArray view = JniUtils.slice((PtNDArray) buffer, 1, 0, positions, 1);
        view.attach(owner);
        return view;
    }

    /** This cache with every row repeated {@code times} times (row i becomes rows i*times .. i*times+times-1). */
    public KvCache repeatRows(int times) {
        KvCache copy = new KvCache(manager.getParentManager(), keys.length, kvHeads, capacity);
        for (int l = 0; l < keys.length; l++) {
            copy.keys[l] = repeated(keys[l], times, copy.manager);
            copy.values[l] = repeated(values[l], times, copy.manager);
        }
        copy.length = length;
        return copy;
    }

    /** This cache with only the batch rows {@code rows} (in that order): the others' keys and values are dropped. */
    public KvCache keepRows(int[] rows) {
        KvCache copy = new KvCache(manager.getParentManager(), keys.length, kvHeads, capacity);
        try (NDManager scratch = manager.newSubManager()) {
            NDArray index = scratch.create(java.util.Arrays.stream(rows).asLongStream().toArray());
            for (int l = 0; l < keys.length; l++) {
                copy.keys[l] = selected(keys[l], index, copy.manager);
                copy.values[l] = selected(values[l], index, copy.manager);
            }
        }
        copy.length = length;
        return copy;
    }

    /** [rows * kvHeads, C, hd]: the kvHeads rows of each batch row in {@code index}. */
    private NDArray selected(NDArray buffer, NDArray index, NDManager owner) {
        try (NDManager scratch = owner.newSubManager()) {
            NDArray out = byBatchRow(buffer, scratch).get(new NDIndex("{}", index)).reshape(index.size() * kvHeads, buffer.getShape().get(1),
                    buffer.getShape().get(2));
            out.attach(owner);
            return out;
        }
    }

    /** [B * kvHeads, C, hd] with each batch row's kvHeads rows repeated {@code times} times together. */
    private NDArray repeated(NDArray buffer, int times, NDManager owner) {
        try (NDManager scratch = owner.newSubManager()) {
            Shape s = buffer.getShape();
            NDArray out = byBatchRow(buffer, scratch).repeat(0, times).reshape(s.get(0) * times, s.get(1), s.get(2));
            out.attach(owner);
            return out;
        }
    }

    /**
     * The view [B, kvHeads, C, hd] of {@code buffer} in {@code scratch}, so that what is computed from
     * it lands there and is freed with it, not kept with the buffer as long as this cache lives.
     */
    private NDArray byBatchRow(NDArray buffer, NDManager scratch) {
        Shape s = buffer.getShape();
        NDArray view = buffer.reshape(s.get(0) / kvHeads, kvHeads, s.get(1), s.get(2));
        view.attach(scratch);
        return view;
    }

    @Override
    public void close() {
        manager.close();
    }
}

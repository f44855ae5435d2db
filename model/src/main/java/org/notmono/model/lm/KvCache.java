package org.notmono.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of every layer for the positions already processed, so each new token
 * attends to them without recomputing them. Arrays are [B, kvHeads, length, headDim] and live
 * in the cache's own manager; close the cache to free them.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    KvCache(NDManager parent, int layers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Positions already cached. */
    public int length() {
        return length;
    }

    /**
     * Appends layer {@code layer}'s new keys and values and returns the full ones (k, v), which
     * stay the cache's: attach what is computed from them to the step's manager.
     */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        NDArray fullK = keys[layer] == null ? k.duplicate() : keys[layer].concat(k, 2);
        NDArray fullV = values[layer] == null ? v.duplicate() : values[layer].concat(v, 2);
        fullK.attach(manager);
        fullV.attach(manager);
        if (keys[layer] != null) {
            keys[layer].close();
            values[layer].close();
        }
        keys[layer] = fullK;
        values[layer] = fullV;
        return new NDArray[] {fullK, fullV};
    }

    /** Called once per forward pass after all layers appended {@code added} positions. */
    void advance(int added) {
        length += added;
    }

    /** This cache with every row repeated {@code times} times (row i becomes rows i*times .. i*times+times-1). */
    public KvCache repeatRows(int times) {
        KvCache copy = new KvCache(manager.getParentManager(), keys.length);
        for (int l = 0; l < keys.length; l++) {
            copy.keys[l] = keys[l].repeat(0, times);
            copy.values[l] = values[l].repeat(0, times);
            copy.keys[l].attach(copy.manager);
            copy.values[l].attach(copy.manager);
        }
        copy.length = length;
        return copy;
    }

    @Override
    public void close() {
        manager.close();
    }
}

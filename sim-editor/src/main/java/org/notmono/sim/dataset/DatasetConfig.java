package org.notmono.sim.dataset;

/**
 * What a dataset is made of; together with the generator version it fixes every byte.
 *
 * @param shardSize   items per shard
 * @param themedShare the share of themed scenes, in [0, 1]
 */
public record DatasetConfig(long seed, int count, double duration, int shardSize, double themedShare) {
    public static final int DEFAULT_SHARD_SIZE = 100;
    /** The share of themed scenes that {@code notmono dataset} makes unless told otherwise. */
    public static final double DEFAULT_THEMED_SHARE = 0.25;

    /** A dataset without themed scenes. */
    public DatasetConfig(long seed, int count, double duration, int shardSize) {
        this(seed, count, duration, shardSize, 0);
    }

    public DatasetConfig {
        if (!(themedShare >= 0 && themedShare <= 1)) {
            throw new IllegalArgumentException("the themed share must be in [0, 1], got " + themedShare);
        }
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        if (!(duration > 0) || duration > 600) {
            throw new IllegalArgumentException("duration must be in (0, 600] seconds, got " + duration);
        }
        if (shardSize <= 0) {
            throw new IllegalArgumentException("shard size must be positive, got " + shardSize);
        }
    }

    public int shards() {
        return (count + shardSize - 1) / shardSize;
    }

    public int firstIndex(int shard) {
        return shard * shardSize;
    }

    public int endIndex(int shard) {
        return Math.min(count, (shard + 1) * shardSize);
    }
}

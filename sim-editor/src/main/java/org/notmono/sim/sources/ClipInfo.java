package org.notmono.sim.sources;

/**
 * One dry clip of a library.
 *
 * @param ref        how a scene names it: {@code assets:env/dog_bark_01.wav} or a file path
 * @param classId    class id from the vocabulary, or a user's own label
 * @param family     source family
 * @param duration   seconds
 * @param sampleRate the file's native rate in Hz
 * @param transcript what is said, for speech clips; null otherwise
 */
public record ClipInfo(String ref, String classId, SourceFamily family, double duration, int sampleRate,
                       String transcript) {
}

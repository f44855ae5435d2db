package org.notmono.sim.sources;

/**
 * One entry of {@code assets/manifest.json}: a dry clip with its provenance.
 *
 * @param file           path under {@code assets/}, e.g. {@code env/dog_bark_01.wav}
 * @param classId        class id from the vocabulary
 * @param family         source family
 * @param packageName    Debian package the clip comes from
 * @param packageVersion that package's version
 * @param originalPath   the file inside the package (or how it was made)
 * @param licence        SPDX-style licence id of the clip
 * @param attribution    who made it and where it comes from
 * @param duration       seconds
 * @param sampleRate     Hz
 * @param loudnessDb     active-frame RMS in dBFS
 * @param transcript     what is said, for speech; null otherwise
 * @param synthetic      true for synthesised speech and generated music
 * @param language       language of speech ("en", "it"); null otherwise
 */
public record AssetClip(String file, String classId, SourceFamily family, String packageName, String packageVersion,
                        String originalPath, String licence, String attribution, double duration, int sampleRate,
                        double loudnessDb, String transcript, boolean synthetic, String language) {

    /** How scenes refer to this clip. */
    public String ref() {
        return AssetResources.REF_PREFIX + file;
    }

    public ClipInfo info() {
        return new ClipInfo(ref(), classId, family, duration, sampleRate, transcript);
    }
}

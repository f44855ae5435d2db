package org.notmono.sim.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.sim.scene.AssetsFingerprint;

/**
 * The dry-source library shipped in the assets module: the clips listed in
 * {@code /assets/manifest.json} (format {@code notmono.assets/1}), read from the classpath.
 */
public final class AssetLibrary implements ClipLibrary {

    static final String FORMAT = "notmono.assets/1";
    private static final String MANIFEST = "manifest.json";

    private final Map<String, AssetClip> byRef;
    private final List<ClipInfo> infos;
    private final String manifestSha256;

    private AssetLibrary(List<AssetClip> clips, String manifestSha256) {
        Map<String, AssetClip> map = new LinkedHashMap<>();
        clips.forEach(c -> map.put(c.ref(), c));
        this.byRef = map;
        this.infos = clips.stream().map(AssetClip::info).toList();
        this.manifestSha256 = manifestSha256;
    }

    /** The library over the assets module's manifest. */
    public static AssetLibrary load() throws IOException {
        byte[] bytes;
        try (InputStream in = AssetResources.open(MANIFEST)) {
            bytes = in.readAllBytes();
        }
        return read(bytes, "/assets/" + MANIFEST);
    }

    /** Parses manifest bytes; errors name {@code nameForErrors} and the entry. */
    static AssetLibrary read(byte[] manifest, String nameForErrors) throws IOException {
        JsonNode root = new ObjectMapper().readTree(new ByteArrayInputStream(manifest));
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(nameForErrors + ": format is not " + FORMAT);
        }
        List<AssetClip> clips = new ArrayList<>();
        JsonNode entries = root.path("clips");
        for (int i = 0; i < entries.size(); i++) {
            clips.add(entry(entries.get(i), nameForErrors + ": clips[" + i + "]"));
        }
        return new AssetLibrary(clips, AssetsFingerprint.of(manifest));
    }

    private static AssetClip entry(JsonNode e, String where) throws IOException {
        SourceFamily family;
        try {
            family = SourceFamily.fromId(Json.requiredText(e, "family", where));
        } catch (IllegalArgumentException ex) {
            throw new IOException(where + ": " + ex.getMessage(), ex);
        }
        return new AssetClip(Json.requiredText(e, "file", where), Json.requiredText(e, "class", where), family,
                Json.requiredText(e, "package", where), Json.requiredText(e, "packageVersion", where),
                Json.requiredText(e, "originalPath", where), Json.requiredText(e, "licence", where),
                Json.requiredText(e, "attribution", where), Json.requiredNumber(e, "duration", where),
                (int) Json.requiredNumber(e, "sampleRate", where), Json.requiredNumber(e, "loudnessDb", where),
                Json.optionalText(e, "transcript"), e.path("synthetic").asBoolean(false),
                Json.optionalText(e, "language"));
    }

    @Override
    public List<ClipInfo> clips() {
        return infos;
    }

    /** Every manifest entry with its provenance, in manifest order. */
    public List<AssetClip> entries() {
        return List.copyOf(byRef.values());
    }

    /** The manifest entry behind a clip reference such as {@code assets:env/dog_bark_01.wav}. */
    public Optional<AssetClip> entry(String ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /** sha256 of manifest.json, recorded in datasets and checkpoints as the assets' identity. */
    public String manifestSha256() {
        return manifestSha256;
    }

    @Override
    public AudioClip load(ClipInfo clip, int sampleRate) throws IOException {
        AssetClip entry = byRef.get(clip.ref());
        if (entry == null) {
            throw new IOException(clip.ref() + ": not a clip of the asset library");
        }
        try (InputStream in = AssetResources.open(entry.file())) {
            return Wav.read(in, clip.ref()).monoAt(sampleRate);
        }
    }
}

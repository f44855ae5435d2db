package org.notmono.model.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * A checkpoint folder that ships on the classpath (under {@code /assets/checkpoints/}). DJL and
 * the tokenizer read files, so it is copied to a temporary folder, deleted when the JVM exits.
 *
 * @param resource the classpath folder, ending in {@code /}
 * @param required files that must be there (the first one marks whether the folder ships at all)
 * @param optional files copied when present
 */
public record ShippedFolder(String resource, List<String> required, List<String> optional) {

    /** A folder holding the shipped checkpoint, or empty when the assets carry none. */
    public Optional<Path> extract() throws IOException {
        if (ShippedFolder.class.getResource(resource + required.getFirst()) == null) {
            return Optional.empty();
        }
        String name = resource.replaceAll("/+$", "");
        Path dir = Files.createTempDirectory("notmono-" + name.substring(name.lastIndexOf('/') + 1));
        dir.toFile().deleteOnExit();
        for (String file : required) {
            copy(file, dir, true);
        }
        for (String file : optional) {
            copy(file, dir, false);
        }
        return Optional.of(dir);
    }

    private void copy(String file, Path dir, boolean mustExist) throws IOException {
        try (InputStream in = ShippedFolder.class.getResourceAsStream(resource + file)) {
            if (in == null) {
                if (mustExist) {
                    throw new IOException(resource + file + " is missing from the assets");
                }
                return;
            }
            Path target = dir.resolve(file);
            if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
                Files.createDirectories(target.getParent());
                target.getParent().toFile().deleteOnExit();
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
        }
    }
}

package org.notmono.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;

/** Every output appears whole or not at all, with ordinary permissions, never replacing a link or a device. */
class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void outputsGetThePermissionsOfAnyNewFileNotPrivateOnes() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt")); // the umask decides, as for every tool
        Path text = dir.resolve("a.txt");
        AtomicFile.writeString(text, "x");
        Path wav = dir.resolve("a.wav");
        Wav.write(wav, AudioClip.mono(8000, new float[8]), SampleEncoding.PCM_16);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(text));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(wav));
    }

    @Test
    void aSymbolicLinkIsKeptAndItsTargetReplaced() throws IOException {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real.getFileName());
        AtomicFile.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.txt"), Path.of("missing.txt"));
        InputException e = assertThrows(InputException.class, () -> AtomicFile.writeString(dangling, "x"));
        assertTrue(e.getMessage().contains("symbolic link to a missing file"), e.getMessage());
        assertTrue(Files.isSymbolicLink(dangling));
    }

    @Test
    void aDeviceIsWrittenThroughNotReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        AtomicFile.write(devNull, new byte[1000]);
        assertFalse(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS), "/dev/null is still a device");
        assertEquals(0, Files.size(devNull));
    }

    @Test
    void aFolderOrAMissingFolderIsBadInputNamingTheRemedy() throws IOException {
        InputException folder = assertThrows(InputException.class, () -> AtomicFile.writeString(dir, "x"));
        assertTrue(folder.getMessage().endsWith("is a folder; give a file name"), folder.getMessage());
        InputException missing = assertThrows(InputException.class, () -> AtomicFile.writeString(dir.resolve("no/x.txt"), "x"));
        assertTrue(missing.getMessage().endsWith("does not exist; create it first"), missing.getMessage());
        Path file = Files.writeString(dir.resolve("file"), "x");
        InputException notFolder = assertThrows(InputException.class, () -> AtomicFile.check(file.resolve("x.txt")));
        assertTrue(notFolder.getMessage().contains("is a file, not a folder"), notFolder.getMessage());
        assertEquals(List.of("file"), names());
    }

    @Test
    void bytesArriveUnchanged() throws IOException {
        byte[] b = new byte[70_000];
        new java.util.SplittableRandom(3).nextBytes(b);
        Path target = dir.resolve("b.bin");
        AtomicFile.write(target, b);
        assertArrayEquals(b, Files.readAllBytes(target));
    }
}

package org.notmono.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.ui.GuiRequest;
import org.notmono.app.ui.Workspace;

/** Which command lines open the window, on what, and the reasons a bad one gets. */
class GuiArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void aWorkspaceFirstOpensTheWindowThereWithItsFiles() throws Exception {
        Path wav = Files.writeString(dir.resolve("clip.wav"), "x");
        List<String> args = List.of("--workspace", "chat", "--theme", "dark", wav.toString());
        assertTrue(GuiArguments.isGuiRequest(args), "not the 'chat' command");
        GuiRequest r = GuiArguments.parse(args).request();
        assertEquals(Workspace.CHAT, r.workspace());
        assertEquals("dark", r.theme());
        assertEquals(List.of(wav), r.files());
        assertFalse(r.isSnapshot(), "a window to use, not a picture");
    }

    @Test
    void aSnapshotAnywhereRendersToItsPng() throws Exception {
        Path wav = Files.writeString(dir.resolve("clip.wav"), "x");
        assertTrue(GuiArguments.isGuiRequest(List.of(wav.toString(), "--snapshot", "out.png")));
        List<String> args = List.of("--workspace", "view", "--snapshot", "out.png");
        GuiRequest r = GuiArguments.parse(args).request();
        assertEquals(Path.of("out.png"), r.snapshot());
        assertEquals(Workspace.VIEW, r.workspace());
    }

    @Test
    void filesAloneOrNothingOpenTheWindowAndCommandsRunAsCommands() throws Exception {
        Path scene = Files.writeString(dir.resolve("a.scene.json"), "{}");
        assertTrue(GuiArguments.isGuiRequest(List.of()));
        assertTrue(GuiArguments.isGuiRequest(List.of(scene.toString())));
        assertFalse(GuiArguments.isGuiRequest(List.of("render", scene.toString())));
        assertTrue(GuiArguments.isGuiRequest(List.of(scene.toString(), "--workspace", "scene")), "files, then options");
        assertFalse(GuiArguments.isGuiRequest(List.of("ask", scene.toString(), "--theme", "dark")), "a command first");
        assertFalse(GuiArguments.isGuiRequest(List.of("--help")));
        assertFalse(GuiArguments.isGuiRequest(List.of("rendr", scene.toString())), "a mistyped command gets the command line's hints");
        assertFalse(GuiArguments.isGuiRequest(List.of("doctor", "--json")), "a bare word is a command, whatever files are here");
        assertFalse(GuiArguments.isGuiRequest(List.of("@args.txt")), "picocli's argument file");
        assertEquals(dir + " is a folder; give .wav or .scene.json files to open",
                GuiArguments.parse(List.of(dir.toString())).problem());
        Path missing = dir.resolve("gone.wav");
        for (List<String> args : List.of(List.of(missing.toString()), List.of(missing.toString(), "--workspace", "view"))) {
            assertTrue(GuiArguments.isGuiRequest(args), "a missing file is a file: " + args);
            assertEquals("no such file: " + missing, GuiArguments.parse(args).problem());
        }
    }

    @Test
    void aBadArgumentSaysWhatWasWrong() {
        assertEquals("unknown workspace 'sound' (expected scene, view, chat or training)",
                GuiArguments.parse(List.of("--workspace", "sound")).problem());
        assertEquals("--theme needs light or dark, not 'blue'", GuiArguments.parse(List.of("--theme", "blue")).problem());
        assertEquals("--workspace needs a value", GuiArguments.parse(List.of("--workspace")).problem());
        assertEquals("no such file: " + dir.resolve("none.wav"),
                GuiArguments.parse(List.of("--workspace", "view", dir.resolve("none.wav").toString())).problem());
        assertEquals("--lalm needs a LALM checkpoint folder (lalm-*/), not " + dir.resolve("no"),
                GuiArguments.parse(List.of("--lalm", dir.resolve("no").toString())).problem());
        assertEquals("unknown option '--zoom'", GuiArguments.parse(List.of("--workspace", "view", "--zoom")).problem());
        assertNull(GuiArguments.parse(List.of("--lalm", dir.toString())).problem());
    }
}

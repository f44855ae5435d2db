package org.notmono.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's environment in each libtorch case: the real {@code ./notmono} script runs in a
 * copy of the project's layout (built jars present, so nothing is built) with a fake JDK whose
 * {@code java} prints its environment and arguments instead of starting NotMono.
 */
class LauncherTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String FAKE_JAVA = """
            #!/bin/sh
            env | sed 's/^/ENV /'
            for a in "$@"; do echo "ARG $a"; done
            """;

    @TempDir
    Path dir;
    Path project;
    Path jdk;

    /** What the fake java saw, or the launcher's exit code and stderr when it stopped first. */
    record Launch(int code, Map<String, String> env, List<String> args, String err) {
        String classPath() {
            return args.get(args.indexOf("-cp") + 1);
        }
    }

    @BeforeEach
    void copyTheLauncherAndFakeAJdk() throws IOException {
        project = dir.resolve("notmono");
        Files.createDirectories(project.resolve(".mvn"));
        Files.copy(ROOT.resolve("notmono"), project.resolve("notmono"));
        Files.copy(ROOT.resolve(".mvn/jdk.sh"), project.resolve(".mvn/jdk.sh"));
        Path lib = Files.createDirectories(project.resolve("app/target/lib"));
        Files.writeString(project.resolve("app/target/notmono-app.jar"), "");
        for (String jar : List.of("javafx-base-25.0.4-linux.jar", "javafx-base-25.0.4.jar", "api-0.36.0.jar",
                "pytorch-engine-0.36.0.jar", "pytorch-jni-2.7.1-0.36.0.jar", "pytorch-native-cpu-2.7.1-linux-x86_64.jar")) {
            Files.writeString(lib.resolve(jar), "");
        }
        jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        executable(jdk.resolve("bin/java"), FAKE_JAVA);
        executable(jdk.resolve("bin/javac"), "#!/bin/sh\n");
    }

    @Test
    void byDefaultTheBundledCpuLibtorchRunsOffline() throws Exception {
        Launch l = launch(Map.of(), "doctor");
        assertEquals(0, l.code(), l.err());
        assertEquals("true", l.env().get("DJL_OFFLINE"));
        assertEquals("true", l.env().get("OPT_OUT_TRACKING"));
        assertEquals("bundled", l.env().get("NOTMONO_LIBTORCH"));
        assertEquals(project.resolve(".djl").toString(), l.env().get("DJL_CACHE_DIR"));
        assertEquals(project.resolve(".djl").toString(), l.env().get("ENGINE_CACHE_DIR"));
        assertNull(l.env().get("PYTORCH_LIBRARY_PATH"));
        assertNull(l.env().get("PYTORCH_FLAVOR"));
        assertTrue(l.classPath().contains("pytorch-native-cpu-2.7.1-linux-x86_64.jar"), l.classPath());
        assertTrue(l.classPath().contains("pytorch-jni-2.7.1-0.36.0.jar"), l.classPath());
        assertFalse(l.classPath().contains("javafx-base"), "JavaFX goes on the module path");
        assertEquals(List.of("org.notmono.app.Main", "doctor"), l.args().subList(l.args().size() - 2, l.args().size()));
    }

    @Test
    void withoutTheOptInNothingMayDownloadAndStrayTorchVariablesAreDropped() throws Exception {
        Launch l = launch(Map.of("DJL_OFFLINE", "false", "PYTORCH_VERSION", "2.5.1", "PYTORCH_FLAVOR", "cu124",
                "NOTMONO_DEVICE", "gpu:1", "DJL_CACHE_DIR", dir.resolve("cache").toString()), "doctor");
        assertEquals(0, l.code(), l.err());
        assertEquals("true", l.env().get("DJL_OFFLINE"));
        assertNull(l.env().get("PYTORCH_VERSION"));
        assertNull(l.env().get("PYTORCH_FLAVOR"));
        assertEquals("gpu:1", l.env().get("NOTMONO_DEVICE"), "the device setting passes through");
        assertEquals(dir.resolve("cache").toString(), l.env().get("DJL_CACHE_DIR"), "the user's cache is kept");
        assertEquals(dir.resolve("cache").toString(), l.env().get("ENGINE_CACHE_DIR"));
    }

    @Test
    void aLocalCudaLibtorchIsPassedWithTheMatchingFlavourAndStaysOffline() throws Exception {
        Path torchLib = pipTorch("2.7.1+cu128", true);
        Launch l = launch(Map.of("PYTORCH_LIBRARY_PATH", torchLib.toString()), "train", "stage1");
        assertEquals(0, l.code(), l.err());
        assertEquals("local", l.env().get("NOTMONO_LIBTORCH"));
        assertEquals(torchLib.toString(), l.env().get("PYTORCH_LIBRARY_PATH"));
        assertEquals("cu128", l.env().get("PYTORCH_FLAVOR"));
        assertEquals("2.7.1", l.env().get("PYTORCH_VERSION"));
        assertEquals("true", l.env().get("DJL_OFFLINE"));
    }

    @Test
    void aLocalCpuLibtorchGetsTheCpuFlavourAndTheUsersFlavourWins() throws Exception {
        Path torchLib = pipTorch("2.7.1+cpu", false);
        assertEquals("cpu", launch(Map.of("PYTORCH_LIBRARY_PATH", torchLib.toString()), "doctor").env().get("PYTORCH_FLAVOR"));
        Launch mine = launch(Map.of("PYTORCH_LIBRARY_PATH", dir + ":" + torchLib.resolve("libtorch.so"),
                "PYTORCH_FLAVOR", "cu128", "PYTORCH_VERSION", "2.7.1"), "doctor");
        assertEquals(0, mine.code(), mine.err());
        assertEquals("cu128", mine.env().get("PYTORCH_FLAVOR"));
    }

    @Test
    void aLibraryPathWithoutLibtorchOrOfAnotherVersionIsRefusedOnOneLine() throws Exception {
        Launch empty = launch(Map.of("PYTORCH_LIBRARY_PATH", dir.toString()), "doctor");
        assertEquals(2, empty.code());
        assertTrue(empty.env().isEmpty(), "java did not start");
        assertEquals(1, empty.err().strip().lines().count(), empty.err());
        assertTrue(empty.err().contains("PYTORCH_LIBRARY_PATH=" + dir + " holds no libtorch.so"), empty.err());

        Launch old = launch(Map.of("PYTORCH_LIBRARY_PATH", pipTorch("2.5.1+cu124", true).toString()), "doctor");
        assertEquals(2, old.code());
        assertEquals(1, old.err().strip().lines().count(), old.err());
        assertTrue(old.err().contains("is PyTorch 2.5.1+cu124") && old.err().contains("needs libtorch 2.7.1"), old.err());
    }

    @Test
    void downloadsOnlyWithTheOptInAndThenTheCpuJarLeavesTheClassPath() throws Exception {
        Launch l = launch(Map.of("NOTMONO_ALLOW_DOWNLOADS", "1"), "doctor");
        assertEquals(0, l.code(), l.err());
        assertEquals("false", l.env().get("DJL_OFFLINE"));
        assertEquals("true", l.env().get("OPT_OUT_TRACKING"));
        assertEquals("download", l.env().get("NOTMONO_LIBTORCH"));
        assertEquals("cu128", l.env().get("PYTORCH_FLAVOR"));
        assertEquals("2.7.1", l.env().get("PYTORCH_VERSION"));
        assertFalse(l.classPath().contains("pytorch-native-cpu"), l.classPath());
        assertTrue(l.classPath().contains("pytorch-jni-2.7.1-0.36.0.jar"), "the JNI library comes from its jar");

        Launch no = launch(Map.of("NOTMONO_ALLOW_DOWNLOADS", "0"), "doctor");
        assertEquals("true", no.env().get("DJL_OFFLINE"));
        assertEquals("bundled", no.env().get("NOTMONO_LIBTORCH"));

        Launch bad = launch(Map.of("NOTMONO_ALLOW_DOWNLOADS", "please"), "doctor");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("NOTMONO_ALLOW_DOWNLOADS=please"), bad.err());
    }

    /** A pip-style install: {@code torch/lib/libtorch.so} (and libtorch_cuda.so) next to {@code torch/version.py}. */
    private Path pipTorch(String version, boolean cuda) throws IOException {
        Path torch = Files.createDirectories(dir.resolve("site-packages-" + version + "/torch"));
        Path lib = Files.createDirectories(torch.resolve("lib"));
        Files.writeString(torch.resolve("version.py"), "from typing import Optional\n__version__ = '" + version + "'\ndebug = False\n");
        Files.writeString(lib.resolve("libtorch.so"), "");
        if (cuda) {
            Files.writeString(lib.resolve("libtorch_cuda.so"), "");
        }
        return lib;
    }

    /** Commands get glibc's malloc tuned for libtorch (docs/encoder.md, "Training speed"); the GUI and a user's own setting do not. */
    @Test
    void commandsRunWithTheMallocTunablesTheGuiWithout() throws Exception {
        String tuned = "glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=100000000000";
        Launch command = launch(Map.of(), "bench", "encoder");
        assertEquals(0, command.code(), command.err());
        assertEquals(tuned, command.env().get("GLIBC_TUNABLES"));
        Launch gui = launch(Map.of());
        assertEquals(0, gui.code(), gui.err());
        assertNull(gui.env().get("GLIBC_TUNABLES"));
        Launch own = launch(Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=2"), "train", "stage1");
        assertEquals("glibc.malloc.arena_max=2", own.env().get("GLIBC_TUNABLES"));
        // the GUI's options open the GUI, after --verbose too, and --snapshot anywhere
        for (List<String> window : List.of(List.of("--workspace", "chat"), List.of("--verbose", "--theme", "dark"),
                List.of("--lalm", "x", "--snapshot", "a.png"), List.of("x.wav", "--snapshot", "a.png"), List.of("missing/x.wav"), List.of("gone.wav"))) {
            Launch l = launch(Map.of(), window.toArray(String[]::new));
            assertTrue(l.args().contains("-XX:+UseZGC") && l.env().get("GLIBC_TUNABLES") == null, window + ": " + l.args());
        }
        assertTrue(!launch(Map.of(), "--verbose", "doctor").args().contains("-XX:+UseZGC"), "a command after --verbose");
        assertTrue(!launch(Map.of(), "@args.txt").args().contains("-XX:+UseZGC"), "picocli's argument file is a command line");
    }

    /**
     * The preferences live in the app's home, found as the logs' ({@code NotMonoHome}): -Dnotmono.home,
     * NOTMONO_HOME, XDG_CONFIG_HOME, ~.
     */
    @Test
    void thePreferencesFollowTheAppsHome() throws Exception {
        String option = "-Djava.util.prefs.userRoot=";
        assertTrue(launch(Map.of()).args().contains(option + dir.resolve(".notmono/prefs")));
        assertTrue(launch(Map.of("XDG_CONFIG_HOME", "/x")).args().contains(option + "/x/notmono/prefs"));
        assertTrue(launch(Map.of("XDG_CONFIG_HOME", "/x", "NOTMONO_HOME", "/n")).args().contains(option + "/n/prefs"));
        assertTrue(launch(Map.of("NOTMONO_HOME", "/n", "NOTMONO_JAVA_OPTS", "-Xmx2g -Dnotmono.home=/p -Dx=1")).args()
                .contains(option + "/p/prefs"), "the property wins, as it does for the logs");
    }

    private Launch launch(Map<String, String> vars, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("notmono").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("JAVA_HOME", jdk.toString());
        env.putAll(vars);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Map<String, String> seen = new HashMap<>();
        List<String> argv = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("ENV ") && line.contains("=")) {
                seen.put(line.substring(4, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            } else if (line.startsWith("ARG ")) {
                argv.add(line.substring(4));
            }
        }
        return new Launch(p.exitValue(), seen, argv, err);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

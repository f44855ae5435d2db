package org.notmono.app;

import java.io.PrintStream;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;

import org.notmono.app.ui.GuiRequest;
import org.notmono.app.ui.NotMonoApplication;

/**
 * Starts the JavaFX application, or says exactly why it cannot (no display, missing GTK or
 * OpenGL libraries) and what to install, and points to the command line.
 */
final class GuiLauncher {
    private static final Logger LOG = Logger.getLogger(GuiLauncher.class.getName());
    static final String DEBIAN_PACKAGES = "libgtk-3-0 libxtst6 libgl1 libasound2 (libgtk-3-0t64 and libasound2t64 on Debian 13 / Ubuntu 24.04)";

    private GuiLauncher() {
    }

    static int launch(GuiRequest request, PrintStream err) {
        String problem = displayProblem();
        if (problem != null) {
            err.println("notmono: cannot start the GUI: " + problem);
            err.println("notmono: run it under a desktop session or 'xvfb-run -a ./notmono', or use the command line: ./notmono --help");
            return CliExit.FAILURE;
        }
        NotMonoApplication.setRequest(request);
        try {
            Application.launch(NotMonoApplication.class);
            return NotMonoApplication.exitCode();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "the GUI could not start", e);
            err.println("notmono: cannot start the GUI: " + rootMessage(e));
            err.println("notmono: on Debian/Ubuntu install the libraries JavaFX needs: apt-get install " + DEBIAN_PACKAGES);
            err.println("notmono: the command line works without them: ./notmono --help");
            return CliExit.FAILURE;
        }
    }

    /** Why a window cannot open here, or null when it probably can. */
    private static String displayProblem() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
        if (linux && !monocle && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

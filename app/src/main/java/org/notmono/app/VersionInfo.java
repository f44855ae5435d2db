package org.notmono.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.notmono.model.engine.ComputeDevices;

/** Versions of NotMono and of what it runs on, for --version and the About dialog. */
public final class VersionInfo {
    private VersionInfo() {
    }

    public static String notMono() {
        String v = VersionInfo.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    public static String java() {
        return Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    }

    /** JavaFX's version from the javafx.properties inside javafx.base, without starting the toolkit. */
    public static String javaFx() {
        try (InputStream in = javafx.beans.Observable.class.getResourceAsStream("/javafx.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("javafx.runtime.version", p.getProperty("javafx.version", "unknown"));
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static String djl() {
        return ComputeDevices.djlVersion();
    }

    /** The lines of {@code notmono --version}. */
    public static String[] lines() {
        return new String[] {
            "NotMono " + notMono(),
            "Java " + java(),
            "JavaFX " + javaFx(),
            "DJL " + djl() + " (PyTorch engine; device and libtorch shown by notmono doctor and Help > About)",
        };
    }
}

package org.notmono.app.fuzz;

import java.io.IOException;
import java.nio.file.Path;

/** Makes fuzz case {@code index}: writes its inputs into {@code folder} (which exists and is empty). */
@FunctionalInterface
public interface CaseSource {
    FuzzCase make(int index, Path folder) throws IOException;
}

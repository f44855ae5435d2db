package org.notmono.app.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * One fuzzed command line: the arguments, the folder its inputs were written to, and the files
 * it may create (which must be complete and finite after exit 0, and absent after a refusal).
 *
 * @param target      the command under test ("render", "analyze", ...), for the report's rows
 * @param mutation    what was done to the input, for the report and for failures
 * @param outputs     files the command may write; each is checked after the run
 * @param preexisting outputs that existed before the run (a link's target, /dev/null): left alone on refusal
 */
public record FuzzCase(int index, String target, String mutation, List<String> args, Path folder, List<Path> outputs,
                       List<Path> preexisting) {

    public FuzzCase {
        args = List.copyOf(args);
        outputs = List.copyOf(outputs);
        preexisting = List.copyOf(preexisting);
    }

    @Override
    public String toString() {
        return "#" + index + " " + target + " [" + mutation + "]: notmono " + String.join(" ", args);
    }
}

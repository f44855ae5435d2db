package org.notmono.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

import org.notmono.app.VersionInfo;
import org.notmono.sim.cli.AcousticsCommand;
import org.notmono.sim.cli.DatasetCommand;
import org.notmono.sim.cli.RenderCommand;
import org.notmono.sim.cli.RirCommand;
import org.notmono.sim.cli.SceneCommand;
import org.notmono.viewer.cli.AnalyzeCommand;
import org.notmono.viewer.cli.BinauralCommand;
import org.notmono.viewer.cli.SpectrogramCommand;

/** The top of the command line: {@code notmono <command>}; with no command the GUI starts. */
@Command(name = "notmono",
        mixinStandardHelpOptions = true,
        versionProvider = NotMonoCommand.Versions.class,
        description = {
            "NotMono: a research workbench for spatial audio-language models.",
            "With no command, only files to open, or the GUI's options, the GUI starts.",
        },
        subcommands = {
            RirCommand.class,
            RenderCommand.class,
            SceneCommand.class,
            DatasetCommand.class,
            AcousticsCommand.class,
            BenchCommand.class,
            AnalyzeCommand.class,
            SpectrogramCommand.class,
            BinauralCommand.class,
            org.notmono.training.cli.TrainCommand.class,
            org.notmono.training.cli.EvalCommand.class,
            org.notmono.model.cli.EncodeCommand.class,
            DoctorCommand.class,
            org.notmono.training.cli.QaCommand.class,
            org.notmono.training.cli.BenchmarkCommand.class,
            org.notmono.model.cli.AskCommand.class,
            org.notmono.model.cli.PackCommand.class,
            org.notmono.model.cli.AverageCommand.class,
        },
        footer = {
            "",
            "GUI: notmono [FILE...]   opens .wav and .scene.json files in the app",
            "     notmono [--workspace scene|view|chat|training] [--theme light|dark] [--lalm DIR] [FILE...]",
            "     notmono --snapshot OUT.png [those options] [FILE...]   renders the window to a PNG and exits",
            "Exit codes: 0 success, 2 bad usage or input, 1 other failure.",
        })
public class NotMonoCommand {

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Log to stderr as well as to the log file.")
    boolean verbose;

    static final class Versions implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return VersionInfo.lines();
        }
    }
}

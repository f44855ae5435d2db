package org.notmono.training.cli;

import picocli.CommandLine.Command;

/** {@code notmono train <stage>}: curriculum stages (TWNM 4.3) in the run layout of DESIGN.md. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a curriculum stage into a run folder.",
        subcommands = {TrainStage0Command.class, TrainStage1Command.class, TrainStage2Command.class,
            TrainStage3Command.class, TrainStage4Command.class, TrainCurriculumCommand.class})
public class TrainCommand {
}

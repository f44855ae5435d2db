package org.notmono.sim.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code notmono scene}: scene file tools. */
@Command(name = "scene", mixinStandardHelpOptions = true, description = "Scene file tools.",
        subcommands = RandomSceneCommand.class)
public class SceneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand (random)");
    }
}

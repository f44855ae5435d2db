package org.notmono.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.notmono.app.cli.CommandLineRunner;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line's contract: help, version, exit codes and one-line errors. */
class CommandLineTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLineRunner.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: notmono"), r.out());
        assertTrue(r.out().contains("bench"), r.out());
        assertEquals("", r.err());
    }

    /**
     * Picocli formats every help text with {@link String#format}; a lone '%' (as in "95% intervals") breaks it, and the
     * help then prints a warning and a raw '%n'. Every text of every command must format.
     */
    @Test
    void everyCommandsHelpTextFormats() {
        List<String> broken = new ArrayList<>();
        for (CommandLine line : everyCommand()) {
            CommandSpec spec = line.getCommandSpec();
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            texts.addAll(List.of(spec.usageMessage().header()));
            texts.addAll(List.of(spec.usageMessage().footer()));
            spec.options().forEach(o -> texts.addAll(List.of(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
            for (String text : texts) {
                try {
                    String.format(text);
                } catch (IllegalFormatException e) {
                    broken.add(spec.qualifiedName() + ": " + text);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /**
     * A parent's command list shows only the first line of each subcommand's description; a sentence that runs on into
     * the second line is cut mid-way there ("... where libtorch was loaded"). Every first line must end a sentence.
     */
    @Test
    void everyCommandsSummaryInItsParentsListIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        List<CommandLine> all = everyCommand();
        for (CommandLine line : all.subList(1, all.size())) { // the root is in no parent's list
            String[] description = line.getCommandSpec().usageMessage().description();
            String summary = description.length == 0 ? "" : description[0].strip();
            if (!summary.endsWith(".") && !summary.endsWith(".)")) {
                cut.add(line.getCommandSpec().qualifiedName() + ": " + summary);
            }
        }
        assertEquals(List.of(), cut);
    }

    /** {@code notmono} first, then every command under it, depth first. */
    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        addWithSubcommands(CommandLineRunner.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), all);
        return all;
    }

    private static void addWithSubcommands(CommandLine line, List<CommandLine> all) {
        all.add(line);
        line.getSubcommands().values().forEach(sub -> addWithSubcommands(sub, all));
    }

    @Test
    void versionNamesJavaJavaFxAndDjl() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Java 25"), r.out());
        assertTrue(r.out().contains("JavaFX 25.0.4"), r.out());
        assertTrue(r.out().contains("DJL 0.36.0"), r.out());
    }

    @Test
    void anUnknownCommandIsBadUsageOnOneLine() {
        Result r = run("frobnicate");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("'frobnicate'") && r.err().contains("--help"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aLineBreakSmuggledInByAnInputFileStaysOnOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path scene = java.nio.file.Files.writeString(dir.resolve("s.scene.json"),
                "{\"format\": \"not\\nmono\\u0007\"}");
        Result r = run("render", scene.toString(), "-o", dir.resolve("o.wav").toString());
        assertEquals(2, r.code());
        assertEquals("notmono render: s.scene.json: format: 'not mono\\u0007' is not notmono.scene/1", r.err().strip());
    }
}

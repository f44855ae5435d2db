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
        collectUnformattable(CommandLineRunner.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                broken);
        assertEquals(List.of(), broken);
    }

    private static void collectUnformattable(CommandLine line, List<String> broken) {
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
        line.getSubcommands().values().forEach(sub -> collectUnformattable(sub, broken));
    }

    /**
     * A parent's command list shows only the first line of each subcommand's description; a sentence that runs on into
     * the second line is cut mid-way there ("... where libtorch was loaded"). Every first line must end a sentence.
     */
    @Test
    void everyCommandsSummaryInItsParentsListIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        collectCutSummaries(CommandLineRunner.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                cut);
        assertEquals(List.of(), cut);
    }

    private static void collectCutSummaries(CommandLine line, List<String> cut) {
        for (CommandLine sub : line.getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            String summary = description.length == 0 ? "" : description[0].strip();
            if (!summary.endsWith(".") && !summary.endsWith(".)")) {
                cut.add(sub.getCommandSpec().qualifiedName() + ": " + summary);
            }
            collectCutSummaries(sub, cut);
        }
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

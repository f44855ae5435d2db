package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.model.encoder.Encoder;
import org.notmono.task.TerminalProgressBar;
import org.notmono.training.asa.Answerer;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.asa.AsaRun;
import org.notmono.training.asa.DspSlotPredictor;
import org.notmono.training.asa.OracleAnswerer;
import org.notmono.training.asa.RandomAnswerer;
import org.notmono.training.asa.SlotAnswerer;
import org.notmono.training.benchmark.Benchmark;
import org.notmono.training.qa.AnswerRules;
import org.notmono.training.qa.QaVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono bench asa --benchmark DIR --answerer random|oracle|dsp|slots [--json]}. */
@Command(name = "asa", mixinStandardHelpOptions = true,
        description = {"Score an answerer on the ASA benchmark: accuracy per family, per level and overall (like TWNM table 3).",
            "Writes answers.jsonl (every answer), results.json and accuracy.png to the output folder.",
            "Answerers: random (seeded chance), oracle (reads the RTSD), dsp (DSP localizer + class-free rules), "
                + "slots (the shipped encoder's slots + the oracle's rules)."})
public class BenchAsaCommand implements Callable<Integer> {

    @Option(names = "--benchmark", required = true, paramLabel = "DIR", description = "a folder made by 'notmono benchmark build'")
    Path benchmark;

    @Option(names = "--answerer", required = true, paramLabel = "NAME", description = "random, oracle, dsp or slots")
    String answerer;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of random answers and guesses (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "-o", paramLabel = "DIR", description = "output folder (default: DIR/answers/NAME)")
    Path out;

    @Option(names = "--json", description = "print results.json instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Benchmark b = Benchmark.open(benchmark);
        Path folder = out != null ? out : benchmark.resolve("answers").resolve(answerer);
        AnswerRules rules = new AnswerRules(QaVocabulary.fromAssets());
        AsaReport report;
        try (Answerer a = answerer(rules); TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            report = AsaRun.run(b, a, folder, bar);
        } catch (org.notmono.audio.AudioFileException e) { // a benchmark clip that cannot be read (the answerers that listen read it)
            throw new InputException(e.getMessage() + "; build the benchmark again", e);
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson(mapper, benchmark.toString())));
        } else {
            System.out.printf(Locale.ROOT, "ASA benchmark %s (%d items)%n", benchmark, b.items().size());
            System.out.print(report.table());
            System.out.println("answers, results.json and accuracy.png: " + folder);
        }
        return 0;
    }

    private Answerer answerer(AnswerRules rules) throws IOException {
        return switch (answerer.toLowerCase(Locale.ROOT)) {
            case "random" -> new RandomAnswerer(seed);
            case "oracle" -> new OracleAnswerer(rules);
            case "dsp" -> new SlotAnswerer("dsp", new DspSlotPredictor(), null, rules, seed);
            case "slots" -> {
                EngineSetup.threads(2);
                Encoder encoder = Encoder.shipped().orElseThrow(() -> new InputException(
                        "the assets carry no encoder checkpoint (assets/checkpoints/encoder-tiny); the slots answerer needs one"));
                yield new SlotAnswerer("slots", encoder, encoder, rules, seed);
            }
            default -> throw new InputException("--answerer must be random, oracle, dsp or slots, got '" + answerer + "'");
        };
    }
}

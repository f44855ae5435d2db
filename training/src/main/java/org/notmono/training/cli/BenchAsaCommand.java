package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.cli.DeviceOption;
import org.notmono.model.encoder.Encoder;
import org.notmono.model.lalm.Lalm;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.ReasoningConsensus;
import org.notmono.model.lalm.ShippedLalm;
import org.notmono.task.ProgressLog;
import org.notmono.task.TerminalProgressBar;
import org.notmono.training.asa.Answerer;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.asa.AsaRun;
import org.notmono.training.asa.ChatModelAnswerer;
import org.notmono.training.asa.DspSlotPredictor;
import org.notmono.training.asa.LalmAnswerer;
import org.notmono.training.asa.OracleAnswerer;
import org.notmono.training.asa.RandomAnswerer;
import org.notmono.training.asa.SlotAnswerer;
import org.notmono.training.asa.TruthHearingAnswerer;
import org.notmono.training.benchmark.Benchmark;
import org.notmono.training.benchmark.BenchmarkBuilder;
import org.notmono.training.benchmark.BenchmarkPhrasing;
import org.notmono.training.curriculum.StageCheckpoints;
import org.notmono.training.qa.AnswerRules;
import org.notmono.training.qa.QaVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code notmono bench asa --benchmark DIR --answerer random|oracle|dsp|slots|lalm|lalm-exact-options|lalm-truth|lalm-truth-text|text-only
 * [--checkpoint DIR] [--phrasings as-built|training|held-out] [--limit N] [--json]}.
 */
@Command(name = "asa", mixinStandardHelpOptions = true,
        description = {"Score an answerer on the ASA benchmark: accuracy per family, per level and overall (like TWNM table 3).",
            "Writes answers.jsonl (every answer), results.json and accuracy.png to the output folder.",
            "Answerers: random (seeded chance), oracle (reads the RTSD), dsp (DSP localizer + class-free rules), "
                + "slots (the shipped encoder's slots + the oracle's rules), lalm (a LALM checkpoint hears the clip and answers), "
                + "lalm-truth (the same LALM hearing the scene's truth in its encoder's output shape: what perfect hearing gives it), "
                + "lalm-truth-text (the same LALM reading the scene's paragraph where the audio goes), "
                + "lalm-exact-options (the same LALM hearing the clip, its reasoning's option lines written exactly as the prompt's: "
                + "it still picks the options, judges them and names the letter), "
                + "text-only (the same LALM without the audio).",
            "Compare results with 'notmono bench asa-table'."})
public class BenchAsaCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--benchmark", required = true, paramLabel = "DIR", description = "a folder made by 'notmono benchmark build'")
    Path benchmark;

    @Option(names = "--answerer", required = true, paramLabel = "NAME", description = "random, oracle, dsp, slots, lalm, lalm-exact-options, lalm-truth, lalm-truth-text or text-only")
    String answerer;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "the LALM answerers (lalm, text-only, lalm-truth, lalm-truth-text, lalm-exact-options): a LALM checkpoint folder (runs/stageN-*/checkpoints/step-N; default: the shipped lalm-tiny)")
    Path checkpoint;

    @Option(names = "--phrasings", defaultValue = "as-built", paramLabel = "SET",
            description = "as-built (default: the benchmark's own mix of training and held-out wordings), training or held-out"
                    + " (every question worded again from that set; the scene, options and answer stay)")
    String phrasings;

    @Option(names = "--limit", paramLabel = "N", description = "score only N items, stratified over the families (all 18 from N = 18)")
    Integer limit;

    @Option(names = "--name", paramLabel = "NAME",
            description = "the answerer's name in tables and the default output folder (default: the answerer, the LALM answerers"
                    + " with the checkpoint's stage, e.g. lalm-stage3; then -written, -walk or -consensus for --choice, -held-out or"
                    + " -training for --phrasings)")
    String name;

    @Option(names = "--max-tokens", defaultValue = "256", paramLabel = "N", description = "the LALM answerers: at most N generated tokens"
            + " (default ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = "--choice", paramLabel = "HOW",
            description = "the LALM answerers: likeliest (default: the option whose text the model finds likeliest after its own reasoning,"
                    + " as in Chat and as lm-evaluation-harness scores multiple choice), written (the letter the model writes), walk (the option"
                    + " where the model's walk over the options most probably ends, its posterior in answers.jsonl; docs/asa.md) or consensus"
                    + " (the option likeliest on average over its own reasoning and 7 more sampled at temperature 0.7; docs/decisions/0015)")
    String choice;

    @Option(names = "--no-think", description = "the LALM answerers: close the reasoning section for the model (the prompt of Stages 0"
            + " and 2) instead of letting it reason first (Stages 3 and 4)")
    boolean noThink;

    @Mixin
    DeviceOption device;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of random answers and guesses (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "-o", paramLabel = "DIR", description = "output folder (default: DIR/answers/NAME, with -firstN for --limit)")
    Path out;

    @Option(names = "--json", description = "print results.json instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        String kind = answerer.toLowerCase(Locale.ROOT);
        boolean lalm = LalmAnswerer.byId(kind).isPresent();
        if (!lalm && !java.util.List.of("random", "oracle", "dsp", "slots").contains(kind)) {
            throw new InputException("--answerer must be random, oracle, dsp, slots, lalm, lalm-exact-options, lalm-truth, lalm-truth-text or text-only,"
                    + " got '" + answerer + "'");
        }
        if (!lalm && checkpoint != null) {
            throw new InputException("--checkpoint is for the LALM answerers (" + LalmAnswerer.ids() + "); " + kind + " takes none");
        }
        if (choice != null && !lalm) {
            throw new InputException("--choice is for the LALM answerers (" + LalmAnswerer.ids() + "); " + kind + " writes its letter");
        }
        OptionChoice optionChoice = choice == null ? OptionChoice.LIKELIEST : OptionChoice.byId(choice.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InputException("--choice must be " + OptionChoice.ids() + ", got '" + choice + "'"));
        if (limit != null && limit < 1) {
            throw new InputException("--limit must be at least 1, got " + limit);
        }
        if (maxTokens < 1) {
            throw new InputException("--max-tokens must be at least 1, got " + maxTokens);
        }
        BenchmarkPhrasing phrasing = BenchmarkPhrasing.of(phrasings);
        if (!Files.isDirectory(benchmark)) {
            throw new InputException("--benchmark " + benchmark + ": no such folder; make one with 'notmono benchmark build --seed 100000 -o "
                    + benchmark + "'");
        }
        Path lalmDir = lalm ? checkpointFolder() : null;
        QaVocabulary vocabulary = QaVocabulary.fromAssets();
        Benchmark opened = Benchmark.open(benchmark);
        String generator = opened.manifest().path("generator").asText();
        if (java.util.List.of("oracle", "dsp", "slots").contains(kind) && !BenchmarkBuilder.GENERATOR.equals(generator)) {
            throw new InputException(benchmark.resolve("benchmark.json") + ": generator '" + generator + "' is not this build's "
                    + BenchmarkBuilder.GENERATOR + ", and the " + kind + " answerer's rules read its items in this build's form;"
                    + " build the benchmark again (random and the LALM answerers still read it)");
        }
        Benchmark b = phrasing.apply(opened, vocabulary);
        int all = b.items().size();
        if (limit != null) {
            b = b.limit(limit);
        }
        String label = name != null ? name : defaultName(kind, lalmDir, phrasing, optionChoice);
        Path folder = out != null ? out : benchmark.resolve("answers").resolve(label + (b.items().size() < all ? "-first" + b.items().size() : ""));
        Map<String, String> setup = new LinkedHashMap<>();
        setup.put("phrasings", phrasing.id());
        setup.put("itemsScored", b.items().size() + " of " + all);
        if (lalm) {
            setup.put("checkpoint", lalmDir.toAbsolutePath().normalize().toString());
            setup.put("audio", switch (kind) {
                case "lalm" -> "heard";
                case "lalm-truth" -> "the scene's truth in the encoder's output shape (OracleSlots), not the encoder's estimate";
                case "lalm-truth-text" -> "no audio: the scene's paragraph written where the audio goes (Stage 0's written form)";
                case "lalm-exact-options" -> "heard; the option lines of its reasoning written exactly as the prompt lists them (ExactOptionsGuide)";
                default -> "none (text-only prompt: no <AcousticTokens> line)";
            });
            setup.put("decoding", "greedy, seed " + seed + ", at most " + maxTokens + " tokens, " + (noThink ? "no reasoning" : "reasoning first"));
            setup.put("choice", switch (optionChoice) {
                case LIKELIEST -> "the option whose text the model finds likeliest after its reasoning (OptionLikelihood)";
                case WRITTEN -> "the letter the model writes";
                case WALK -> "the option where the model's walk over the options most probably ends after its reasoning (WalkPosterior)";
                case CONSENSUS -> "the option the model finds likeliest on average over its own reasoning and " + ReasoningConsensus.SAMPLED
                        + " sampled at temperature " + ReasoningConsensus.TEMPERATURE + " (ReasoningConsensus)";
            });
        }
        AnswerRules rules = new AnswerRules(vocabulary);
        AsaReport report;
        long loadStart = System.nanoTime();
        try (Answerer a = answerer(kind, label, lalmDir, rules, optionChoice)) {
            double load = (System.nanoTime() - loadStart) / 1e9;
            if (lalm) {
                System.err.printf(Locale.ROOT, "loaded %s in %.1f s; %d questions%n", lalmDir, load, b.items().size());
            }
            try (TerminalProgressBar bar = ProgressLog.onStderr(Duration.ofSeconds(30))) {
                report = AsaRun.run(b, a, label, setup, folder, bar);
            }
        } catch (org.notmono.audio.AudioFileException e) { // a benchmark clip that cannot be read (the answerers that listen read it)
            throw new InputException(e.getMessage() + "; build the benchmark again", e);
        }
        if (json) {
            System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson(MAPPER, benchmark.toString())));
        } else {
            System.out.printf(Locale.ROOT, "ASA benchmark %s (%d of %d items, %s phrasings)%n", benchmark, b.items().size(), all, phrasing.id());
            System.out.print(report.table());
            System.out.printf(Locale.ROOT, "%.2f s per item%n", report.secondsPerItem());
            System.out.println("answers, results.json and accuracy.png: " + folder);
        }
        return 0;
    }

    /** The checkpoint folder, checked before anything is loaded. */
    private Path checkpointFolder() throws IOException {
        if (checkpoint == null) {
            return ShippedLalm.extract().orElseThrow(() -> new InputException("no shipped LALM in the assets (assets/checkpoints/lalm-tiny/ is"
                    + " missing): pass --checkpoint DIR, e.g. RUNS/stage4-*/checkpoints/step-N"));
        }
        if (!Files.isDirectory(checkpoint)) {
            throw new InputException("--checkpoint " + checkpoint + ": no such folder");
        }
        if (!LalmCheckpoint.isCheckpoint(checkpoint)) {
            throw new InputException("--checkpoint " + checkpoint + " is not a LALM checkpoint (no model.json and lm.safetensors);"
                    + " give a stage's runs/stageN-*/checkpoints/step-N folder");
        }
        return checkpoint;
    }

    /** random, ..., lalm-stage3, lalm-stage4-written, lalm-stage4-walk, text-only-stage4-held-out. */
    private static String defaultName(String kind, Path lalmDir, BenchmarkPhrasing phrasing, OptionChoice choice) throws IOException {
        String n = kind;
        if (lalmDir != null) {
            String stage = StageCheckpoints.stageOf(lalmDir);
            n += stage != null ? "-" + stage : "";
        }
        n += choice == OptionChoice.LIKELIEST ? "" : "-" + choice.id();
        return phrasing == BenchmarkPhrasing.AS_BUILT ? n : n + "-" + phrasing.id();
    }

    private Answerer answerer(String kind, String label, Path lalmDir, AnswerRules rules, OptionChoice choice) throws IOException {
        return switch (kind) {
            case "random" -> new RandomAnswerer(seed);
            case "oracle" -> new OracleAnswerer(rules);
            case "dsp" -> new SlotAnswerer(label, new DspSlotPredictor(), null, rules, seed);
            case "slots" -> {
                EngineSetup.threads(2);
                Encoder encoder = Encoder.shipped().orElseThrow(() -> new InputException(
                        "the assets carry no encoder checkpoint (assets/checkpoints/encoder-tiny); the slots answerer needs one"));
                yield new SlotAnswerer(label, encoder, encoder, rules, seed);
            }
            default -> { // lalm, text-only: decoding sets one intra-op thread itself (Lalm)
                EngineSetup.threads(2);
                Lalm model;
                try {
                    model = Lalm.load(lalmDir, device.device());
                } catch (IOException e) {
                    throw new InputException("--checkpoint " + lalmDir + ": " + e.getMessage(), e);
                }
                GenerationSettings greedy = new GenerationSettings(maxTokens, 0, 0, 1, seed, java.util.List.of("</answer>"));
                if (kind.startsWith("lalm-truth")) {
                    yield new TruthHearingAnswerer(label, model.model(), kind.equals("lalm-truth") ? TruthHearingAnswerer.Form.SLOTS
                            : TruthHearingAnswerer.Form.TEXT, !noThink, choice, greedy, seed);
                }
                if (kind.equals("text-only")) {
                    model = Lalm.textOnly(model.model());
                } else if (kind.equals("lalm-exact-options")) {
                    model = Lalm.copyingOptionsExactly(model.model());
                }
                yield new ChatModelAnswerer(label, model, !noThink, greedy, choice);
            }
        };
    }
}

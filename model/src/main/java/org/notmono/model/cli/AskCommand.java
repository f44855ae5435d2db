package org.notmono.model.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.model.lalm.Lalm;
import org.notmono.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code notmono ask CLIP.wav "question" [--options "A;B;C;D"] [--checkpoint DIR] [--json] [--stream]}
 * and {@code notmono ask --batch FILE.jsonl}: the spatial LALM answers questions about FOA clips.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask the spatial LALM about a 4-channel FOA clip (ambiX W, Y, Z, X).",
            "Clips longer than the model's 4-s window are heard in their loudest window (the span is reported)."},
        footer = {"", "--batch FILE.jsonl answers many questions in one process, one JSON object a line:",
            "  in:  {\"id\", \"clip\" (path relative to the file), \"question\", \"options\": [4] | null}",
            "  out: {\"id\", \"answer\" (full text), \"letter\" (A-D or null), \"think\", \"ms\"}, in input order"})
public class AskCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "CLIP.wav", description = "the clip to ask about")
    Path clip;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUESTION", description = "the question")
    String question;

    @Option(names = "--options", paramLabel = "A;B;C;D", description = "four multiple-choice options separated by ';'")
    String options;

    @Mixin
    LalmCheckpointOption checkpoint;

    @Mixin
    DeviceOption device;

    @Option(names = "--batch", paramLabel = "FILE.jsonl", description = "answer every question of a JSON-lines file")
    Path batch;

    @Option(names = "--json", description = "print JSON: answer, letter, think, heard span, notices,"
            + " timings, and with --choice walk the probability that the walk ends at each option (walkPosterior)")
    boolean json;

    @Option(names = "--stream", description = "print the answer token by token as it is generated")
    boolean stream;

    @Option(names = "--think", negatable = true, description = "let the model reason in <think> before answering (default: yes for"
            + " a multiple-choice question, which the curriculum trains to reason through its options, no for an open one)")
    Boolean think;

    @Option(names = "--choice", paramLabel = "HOW", defaultValue = "likeliest", description = "a multiple-choice answer names likeliest"
            + " (default: the option whose text the model finds likeliest after its reasoning; a notice gives each option's probability)"
            + ", written (the letter the model writes), walk (the option where its walk over the options most probably ends;"
            + " docs/decisions/0006) or consensus (the option likeliest on average over its own reasoning and 7 sampled;"
            + " docs/decisions/0015)")
    String choice;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "256", description = "at most N generated tokens (default ${DEFAULT-VALUE})")
    int maxTokens;

    @Mixin
    SamplingOptions sampling;

    @Override
    public Integer call() throws IOException {
        GenerationSettings settings = sampling.settings(maxTokens, List.of("</answer>"));
        OptionChoice optionChoice = OptionChoice.byId(choice.toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> new InputException(
                "--choice must be " + OptionChoice.ids() + ", got '" + choice + "'"));
        if (batch != null) {
            if (clip != null || question != null || options != null || stream) {
                throw new InputException("--batch takes its clips, questions and options from the file: drop CLIP, QUESTION, --options and --stream");
            }
            List<BatchItem> items = readBatch(batch);
            try (SpatialChatModel model = openModel()) {
                for (BatchItem item : items) {
                    System.out.println(JSON.writeValueAsString(batchLine(item, answer(model, item.clip, item.question, item.options,
                            settings, optionChoice, piece -> { }, batch + ":" + item.line))));
                    System.out.flush();
                }
            }
            return 0;
        }
        if (clip == null || question == null) {
            throw new InputException("ask needs CLIP.wav and a QUESTION (or --batch FILE.jsonl); see notmono ask --help");
        }
        if (json && stream) {
            throw new InputException("--json and --stream do not go together: --json prints one object at the end");
        }
        List<String> choices = null;
        if (options != null) {
            choices = Arrays.stream(options.split(";", -1)).map(String::strip).toList();
            if (choices.size() != 4 || choices.stream().anyMatch(String::isEmpty)) {
                throw new InputException("--options needs four non-empty options separated by ';', got " + choices.size());
            }
        }
        if (!Files.isRegularFile(clip)) {
            throw new InputException(clip + ": no such file");
        }
        try (SpatialChatModel model = openModel()) {
            PrintStream out = System.out;
            ChatAnswer a = answer(model, clip, question, choices, settings, optionChoice, stream ? piece -> {
                out.print(piece);
                out.flush();
            } : piece -> { }, clip.toString());
            if (json) {
                ObjectNode n = batchLine(new BatchItem(0, null, clip, question, choices), a);
                n.remove("id");
                n.putObject("heard").put("start", a.heard().start()).put("end", a.heard().end()).put("clipDuration", a.heard().clipDuration());
                a.notices().forEach(n.putArray("notices")::add);
                if (a.walkPosterior() != null) {
                    a.walkPosterior().forEach(n.putArray("walkPosterior")::add);
                }
                n.put("promptTokens", a.promptTokens());
                n.put("generatedTokens", a.generatedTokens());
                n.put("firstTokenMs", a.firstTokenMillis());
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
            } else {
                if (stream) {
                    out.println();
                } else {
                    out.println(a.answer());
                }
                if (a.letter() != null && stream) {
                    out.println("letter: " + a.letter());
                }
                a.notices().forEach(System.err::println);
            }
        }
        return 0;
    }

    private SpatialChatModel openModel() throws IOException {
        Path dir = checkpoint.folder();
        try {
            return Lalm.load(dir, device.device());
        } catch (IOException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private ChatAnswer answer(SpatialChatModel model, Path wav, String question, List<String> options, GenerationSettings settings,
                              OptionChoice optionChoice, java.util.function.Consumer<String> onText, String where)
            throws IOException {
        AudioClip audio;
        try {
            audio = Wav.read(wav);
        } catch (IOException e) {
            throw new InputException(where + ": cannot read " + wav + ": " + e.getMessage(), e);
        }
        try {
            boolean reasons = think != null ? think : options != null;
            return model.answer(new ChatRequest(audio, List.of(), question, options, reasons, settings, optionChoice), onText, TaskContext.none());
        } catch (ChatInputException e) {
            throw new InputException(where + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode batchLine(BatchItem item, ChatAnswer a) {
        ObjectNode n = JSON.createObjectNode();
        n.set("id", item.id);
        n.put("answer", a.text());
        if (a.letter() == null) {
            n.putNull("letter");
        } else {
            n.put("letter", a.letter().toString());
        }
        n.put("think", a.think());
        n.put("ms", a.totalMillis());
        return n;
    }

    private record BatchItem(int line, JsonNode id, Path clip, String question, List<String> options) {
    }

    /** Reads and checks every line before any model is loaded, so a bad line fails fast with its line number. */
    private static List<BatchItem> readBatch(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        Path base = file.toAbsolutePath().getParent();
        List<BatchItem> items = new ArrayList<>();
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + number;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new InputException(where + ": not a JSON object: " + e.getOriginalMessage());
                }
                if (!n.path("clip").isTextual() || !n.path("question").isTextual()) {
                    throw new InputException(where + ": each line needs \"clip\" and \"question\" strings");
                }
                Path wav;
                try {
                    wav = base.resolve(n.get("clip").asText());
                } catch (java.nio.file.InvalidPathException e) {
                    throw new InputException(where + ": clip is not a valid path: " + e.getReason());
                }
                if (!Files.isRegularFile(wav)) {
                    throw new InputException(where + ": clip " + wav + " does not exist");
                }
                List<String> opts = null;
                JsonNode o = n.path("options");
                if (o.isArray()) {
                    if (o.size() != 4) {
                        throw new InputException(where + ": \"options\" needs 4 entries (A-D), got " + o.size());
                    }
                    opts = new ArrayList<>();
                    for (JsonNode x : o) {
                        opts.add(x.asText());
                    }
                } else if (!o.isMissingNode() && !o.isNull()) {
                    throw new InputException(where + ": \"options\" must be a list of 4 strings or null");
                }
                items.add(new BatchItem(number, n.has("id") ? n.get("id") : JSON.getNodeFactory().numberNode(number), wav,
                        n.get("question").asText(), opts));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(file + ":" + (number + 1) + ": not UTF-8 text; save the file as UTF-8");
        }
        return items;
    }
}

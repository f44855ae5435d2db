package org.notmono.training.asa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.sim.render.RenderOutput;
import org.notmono.task.TaskContext;
import org.notmono.training.benchmark.Benchmark;
import org.notmono.training.curriculum.OptionWalk;
import org.notmono.training.qa.QaItem;

/**
 * Puts every benchmark question to an answerer, scores each answer by the strict letter rule,
 * and writes the output folder whole: {@code answers.jsonl} (every answer as given, its letter,
 * the right letter, and for a LALM answering by its walk the walk's posterior over the options), {@code results.json} and {@code accuracy.png}.
 */
public final class AsaRun {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AsaRun() {
    }

    public static AsaReport run(Benchmark benchmark, Answerer answerer, Path out, TaskContext task) throws IOException {
        return run(benchmark, answerer, answerer.name(), Map.of(), out, task);
    }

    /**
     * As {@link #run(Benchmark, Answerer, Path, TaskContext)}, the results named {@code name}, with
     * {@code setup} (checkpoint, phrasings, limit...) and the time the answers took written into results.json.
     */
    public static AsaReport run(Benchmark benchmark, Answerer answerer, String name, Map<String, String> setup, Path out,
                                TaskContext task) throws IOException {
        AsaReport report = new AsaReport(name);
        setup.forEach(report::setup);
        List<String> answers = new ArrayList<>();
        int done = 0;
        int total = benchmark.items().size();
        long start = System.nanoTime();
        for (QaItem q : benchmark.items()) {
            task.checkCancelled();
            Answerer.Reply reply = answerer.reply(new AsaQuestion(q, benchmark.clip(q), benchmark.rtsds().get(q.scene())), task);
            String text = reply.text();
            Character letter = LetterExtraction.letter(text);
            boolean correct = letter != null && letter == q.answer().charAt(0);
            String named = LetterExtraction.optionText(text);
            boolean rightText = named != null && q.options() != null
                    && named.equalsIgnoreCase(q.options().get(q.answer().charAt(0) - 'A').strip());
            report.add(q.family(), correct, letter != null, rightText);
            if (q.options() != null) {
                report.addWalk(OptionWalk.summarize(text, q.options(), letter));
            }
            report.addSide(StatedSide.read(text, q.think()));
            ObjectNode a = MAPPER.createObjectNode();
            a.put("id", q.id());
            a.put("family", q.family().id());
            a.put("level", q.level());
            a.put("phrasing", q.phrasing());
            a.put("question", q.question());
            a.put("text", text);
            if (letter == null) {
                a.putNull("letter");
            } else {
                a.put("letter", String.valueOf(letter));
            }
            a.put("answer", q.answer());
            a.put("correct", correct);
            a.put("rightOptionText", rightText);
            if (reply.walkPosterior() != null) {
                reply.walkPosterior().forEach(a.putArray("walkPosterior")::add);
            }
            answers.add(MAPPER.writeValueAsString(a));
            done++;
            double seconds = (System.nanoTime() - start) / 1e9;
            task.progress((double) done / total, String.format(Locale.ROOT, "%d / %d questions, %.2f s each", done, total, seconds / done));
        }
        report.timing((System.nanoTime() - start) / 1e9);
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".part");
        RenderOutput.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        try {
            Files.write(tmp.resolve("answers.jsonl"), answers);
            Files.writeString(tmp.resolve("results.json"), MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report.toJson(MAPPER, benchmark.root().toString())) + "\n");
            AsaChart.write(report, tmp.resolve("accuracy.png"));
            if (Files.exists(out)) {
                RenderOutput.deleteRecursively(out);
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            RenderOutput.deleteRecursively(tmp);
            throw e;
        }
        return report;
    }
}

package org.notmono.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaJson;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.Query;

/** {@code train stage4 --qa FILE}: each kind of bad file is one line naming the file and the line (the CLI exits 2 on these). */
class Stage4QaFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static QaItem item(String id, QaKind kind) {
        return new QaItem(id, "s1-000000", "shard-00000/s1-000000.wav", Family.COUNT, kind, "p0", "How many sources do you hear?",
                kind == QaKind.MCQ ? List.of("One", "Two", "Three", "Four") : null, kind == QaKind.MCQ ? "B" : "two", "Two", null,
                List.of(), "2", new Query(List.of(), Map.of(), List.of()));
    }

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("items.jsonl");
        Files.writeString(f, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return f;
    }

    private static String mcq(String id) {
        return QaJson.line(item(id, QaKind.MCQ));
    }

    private String refused(Path f) {
        return assertThrows(InputException.class, () -> TrainStage4Command.readItems(f)).getMessage();
    }

    @Test
    void aValidFileGivesItsItemsInOrder() throws IOException {
        List<QaItem> items = TrainStage4Command.readItems(file(mcq("a"), "", mcq("b")));
        assertEquals(List.of(item("a", QaKind.MCQ), item("b", QaKind.MCQ)), items);
    }

    @Test
    void aMalformedLineIsNamed() throws IOException {
        Path f = file(mcq("a"), "{\"format\": \"notmono.qa/1\", \"id\": ");
        assertEquals("--qa " + f + " line 2: not a JSON object (a torn or malformed line)", refused(f));
        Path array = file("[1, 2]");
        assertEquals("--qa " + array + " line 1: not a QA item (format is '', expected 'notmono.qa/1')", refused(array));
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        ObjectNode noQuestion = (ObjectNode) JSON.readTree(mcq("a"));
        noQuestion.remove("question");
        Path f = file(mcq("x"), mcq("y"), noQuestion.toString());
        assertEquals("--qa " + f + " line 3: item has no \"question\"", refused(f));
        ObjectNode noKind = (ObjectNode) JSON.readTree(mcq("a"));
        noKind.remove("kind");
        Path k = file(noKind.toString());
        assertEquals("--qa " + k + " line 1: not a QA item (unknown kind '' (open, cot or mcq))", refused(k));
        ObjectNode noOptions = (ObjectNode) JSON.readTree(mcq("c"));
        noOptions.put("options", "One;Two;Three;Four"); // a value of the wrong type
        Path o = file(noOptions.toString());
        assertEquals("--qa " + o + " line 1: item c has no \"options\" array", refused(o));
        ObjectNode badAnswer = (ObjectNode) JSON.readTree(mcq("d"));
        badAnswer.put("answer", "E");
        Path a = file(badAnswer.toString());
        assertEquals("--qa " + a + " line 1: item d has answer 'E' for 4 options; expected one letter among them", refused(a));
    }

    @Test
    void anItemOfAnotherKindIsNamed() throws IOException {
        Path f = file(mcq("a"), QaJson.line(item("open-1", QaKind.OPEN)));
        assertEquals("--qa " + f + " line 2: item open-1 is of kind open; Stage 4 needs multiple-choice items (make them with notmono qa"
                + " --kind mcq)", refused(f));
    }

    @Test
    void resumeRefusesAnotherStagesRunAndACheckpointThatCannotResume() throws IOException {
        Path stage2 = Files.createDirectories(dir.resolve("stage2-20260101-000000"));
        Files.writeString(stage2.resolve("config.json"), "{}");
        Files.writeString(stage2.resolve("status.json"), "{\"stage\": \"stage2\", \"state\": \"stopped\"}");
        TrainStage4Command other = new TrainStage4Command();
        other.resume = stage2;
        assertEquals("--resume " + stage2 + " is a stage2 run; continue it with 'notmono train stage2 --resume'",
                assertThrows(InputException.class, other::call).getMessage());
        // a run whose checkpoint was written before Stage 4 could resume: the merged model only
        Path old = Files.createDirectories(dir.resolve("stage4-20260101-000000"));
        Path qa = file(mcq("a"));
        ObjectNode config = JSON.createObjectNode();
        config.set("stage4", org.notmono.training.sapo.SapoConfig.tiny().toJson());
        config.putObject("inputs").put("qa", qa.toString()).put("init", dir.resolve("init").toString()).put("data", dir.toString());
        Files.writeString(old.resolve("config.json"), config.toString());
        Files.writeString(old.resolve("status.json"), "{\"stage\": \"stage4\", \"state\": \"stopped\"}");
        Path step = Files.createDirectories(old.resolve("checkpoints/step-25"));
        Files.writeString(step.resolve("model.json"), "{\"training\": {\"stage\": \"stage4\", \"step\": 25}}");
        TrainStage4Command stopped = new TrainStage4Command();
        stopped.resume = old;
        assertEquals("--resume " + old + ": " + step + " has no policy.safetensors (written before Stage 4 could resume); start a new run"
                + " with --init " + step, assertThrows(InputException.class, stopped::call).getMessage());
        stopped.qa = qa;
        assertEquals("--resume " + old + " continues the run with its own config and inputs; leave out --init, --qa and --steps",
                assertThrows(InputException.class, stopped::call).getMessage());
    }

    @Test
    void anEmptyOrMissingFileIsRefused() throws IOException {
        Path empty = file();
        assertEquals("--qa " + empty + ": no QA items (the file is empty); make them with notmono qa --kind mcq", refused(empty));
        Path blank = file("", "  ");
        assertEquals("--qa " + blank + ": no QA items (the file is empty); make them with notmono qa --kind mcq", refused(blank));
        Path missing = dir.resolve("none.jsonl");
        assertEquals("--qa " + missing + ": no such file", refused(missing));
    }
}

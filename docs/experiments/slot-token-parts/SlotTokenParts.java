import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.audio.Wav;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.lalm.Lalm;
import org.notmono.model.lalm.LalmModel;

/**
 * Splits the slot tokens of a LALM checkpoint whose projector has class words (decision 0012) into their two parts,
 * the class words sum_c p_c w_c and the learned rest, over the slots the encoder calls present (existence above 0.5)
 * in one family's clips of a benchmark, and prints their mean lengths and how often the token's nearest class word
 * (by cosine) is the encoder's top class. Decision 0019 quotes its output. Run it with run.sh beside it.
 *
 * usage: SlotTokenParts CHECKPOINT BENCHMARK FAMILY
 */
public class SlotTokenParts {
    public static void main(String[] args) throws Exception {
        Path bench = Path.of(args[1]);
        Set<String> clips = new LinkedHashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(bench.resolve("items.jsonl"))) {
            JsonNode item = json.readTree(line);
            if (item.get("family").asText().equals(args[2])) {
                clips.add(item.get("clip").asText());
            }
        }
        LalmModel model = Lalm.load(Path.of(args[0]), Device.cpu()).model();
        List<String> words = model.projector().config().classWords();
        int present = 0;
        int nearestIsTop = 0;
        double wordsLength = 0;
        double learnedLength = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray classWords = model.classWordEmbeddings(manager);
            NDArray unitWords = classWords.div(classWords.norm(new int[] {1}, true));
            for (String clip : clips) {
                try (NDManager m = manager.newSubManager()) {
                    EncoderOutput out = model.encode(List.of(model.features(Wav.read(bench.resolve(clip)))), m);
                    NDArray tokens = model.project(out, m);
                    long slots = out.classLogits().getShape().get(1);
                    long all = tokens.getShape().get(1);
                    // the slot tokens come after the frame tokens and before the scene token
                    NDArray slotTokens = tokens.get("0, " + (all - slots - 1) + ":" + (all - 1) + ", :");
                    NDArray probabilities = out.classLogits().softmax(2).get(0);
                    NDArray wordsPart = probabilities.matMul(classWords);
                    float[] existence = Activation.sigmoid(out.existenceLogits()).get(0).toFloatArray();
                    long[] top = probabilities.argMax(1).toLongArray();
                    long[] nearest = slotTokens.div(slotTokens.norm(new int[] {1}, true)).matMul(unitWords.transpose())
                            .argMax(1).toLongArray();
                    float[] wordsLengths = wordsPart.norm(new int[] {1}).toFloatArray();
                    float[] learnedLengths = slotTokens.sub(wordsPart).norm(new int[] {1}).toFloatArray();
                    for (int s = 0; s < slots; s++) {
                        if (existence[s] < 0.5) {
                            continue;
                        }
                        present++;
                        nearestIsTop += nearest[s] == top[s] ? 1 : 0;
                        wordsLength += wordsLengths[s];
                        learnedLength += learnedLengths[s];
                        System.out.printf("%s slot %d: top class %s, nearest class word %s, |words| %.2f, |learned| %.2f%n", clip, s,
                                words.get((int) top[s]), words.get((int) nearest[s]), wordsLengths[s], learnedLengths[s]);
                    }
                }
            }
        }
        System.out.printf("%d present slots: mean |words| %.2f, mean |learned| %.2f; nearest class word is the top class in %d%n",
                present, wordsLength / present, learnedLength / present, nearestIsTop);
        System.exit(0); // the engine's threads would keep the JVM up
    }
}

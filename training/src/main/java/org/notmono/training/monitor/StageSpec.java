package org.notmono.training.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.model.chat.OptionChoice;
import org.notmono.training.asa.LalmAnswerer;

/**
 * What the Training workspace knows about a curriculum stage, as data: its presets and their
 * config JSON, the editable fields, the folders it reads, the command that trains it, the
 * metrics the runs table shows, and how a checkpoint is evaluated. A new stage is a new
 * instance in {@link StageCatalog}.
 *
 * @param presets       named configs offered (the preset function also takes a config file)
 * @param preset        the config JSON of a preset name or of a config file
 * @param trainCommand  {@code [train, stage1]}
 * @param validator     the stage's own check of a whole config (cross-field rules); null when valid, else why not
 * @param deviceOption  the command takes {@code --device auto|cpu|gpu}
 * @param resumable     the command takes {@code --resume RUN}
 * @param headline      metric keys shown in the runs table, first found wins per slot
 * @param evalCommand   arguments evaluating a checkpoint, with {@code {checkpoint}}, {@code {data}}
 *                      and {@code {out}} placeholders, and {@code {answerer}} and {@code {choice}}
 *                      when it scores a {@link LalmAnswerer} answering by an {@link OptionChoice};
 *                      empty when the stage has no evaluation
 * @param evalDataLabel what the evaluation data is, for the chooser
 * @param product       what its checkpoints are, which decides where "Use in" loads them
 */
public record StageSpec(String id, String title, String summary, List<String> presets, Function<String, JsonNode> preset,
                        List<ConfigField> fields, Function<JsonNode, String> validator, List<StageInput> inputs,
                        List<String> trainCommand, boolean deviceOption, boolean resumable, List<String> headline,
                        List<String> evalCommand, String evalDataLabel, Product product) {

    /** What a stage's checkpoints are. */
    public enum Product {
        /** A spatial encoder: Listen & View loads it. */
        ENCODER("Listen & View"),
        /** A LALM: Chat loads it. */
        LALM("Chat");

        private final String usedIn;

        Product(String usedIn) {
            this.usedIn = usedIn;
        }

        /** The workspace that loads such a checkpoint. */
        public String usedIn() {
            return usedIn;
        }
    }

    /**
     * The command line that trains a new run of this stage.
     *
     * @param config a preset name ({@code tiny}) or a config file, as {@code --config} takes it
     */
    public List<String> launchArgs(String config, Map<String, String> inputValues, String device, Path runsRoot) {
        List<String> args = new ArrayList<>(trainCommand);
        args.add("--config");
        args.add(config);
        for (StageInput in : inputs) {
            String v = inputValues.get(in.option());
            if (v != null && !v.isBlank()) {
                args.add(in.option());
                args.add(v.trim());
            }
        }
        deviceArgs(args, device);
        args.add("-o");
        args.add(runsRoot.toString());
        return args;
    }

    /** The command line that resumes a run of this stage. */
    public List<String> resumeArgs(Path run, String device) {
        List<String> args = new ArrayList<>(trainCommand);
        args.add("--resume");
        args.add(run.toString());
        deviceArgs(args, device);
        return args;
    }

    /**
     * The command line that evaluates {@code checkpoint} on {@code data}, writing what it keeps to
     * {@code out}; {@code answerer} answers, naming its option by {@code choice}, when the evaluation
     * takes one ({@link #evalAnswerers()}).
     */
    public List<String> evalArgs(Path checkpoint, Path data, Path out, LalmAnswerer answerer, OptionChoice choice) {
        return evalCommand.stream().map(a -> a.replace("{checkpoint}", checkpoint.toString()).replace("{data}", data.toString())
                .replace("{out}", out.toString()).replace("{answerer}", answerer.id()).replace("{choice}", choice.id())).toList();
    }

    /** The answerers the evaluation can score (all of {@link LalmAnswerer} for the ASA benchmark), else none. */
    public List<LalmAnswerer> evalAnswerers() {
        return evalCommand.contains("{answerer}") ? List.of(LalmAnswerer.values()) : List.of();
    }

    private void deviceArgs(List<String> args, String device) {
        if (deviceOption && device != null && !device.isBlank()) {
            args.add("--device");
            args.add(device);
        }
    }

    /** Why the config is not valid for this stage, or null. */
    public String validate(JsonNode config) {
        return validator == null ? null : validator.apply(config);
    }
}

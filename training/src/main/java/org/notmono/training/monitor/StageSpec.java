package org.notmono.training.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the Training workspace knows about a curriculum stage, as data: its presets and their
 * config JSON, the editable fields, the folders it reads, the command that trains it, the
 * metrics the runs table shows, and how a checkpoint is evaluated. A new stage is a new
 * instance in {@link StageCatalog}.
 *
 * @param trainCommand  {@code [train, stage1]}
 * @param validator     the stage's own check of a whole config (cross-field rules); null when valid, else why not
 * @param deviceOption  the command takes {@code --device auto|cpu|gpu}
 * @param headline      metric keys shown in the runs table, first found wins per slot
 * @param evalCommand   arguments evaluating a checkpoint on a dataset, with {@code {checkpoint}} and
 *                      {@code {data}} placeholders; empty when the stage has no evaluation
 * @param evalDataLabel what the evaluation data is, for the chooser
 */
public record StageSpec(String id, String title, String summary, List<String> presets, Function<String, JsonNode> preset,
                        List<ConfigField> fields, Function<JsonNode, String> validator, List<StageInput> inputs,
                        List<String> trainCommand, boolean deviceOption, List<String> headline, List<String> evalCommand,
                        String evalDataLabel) {

    /** The command line that trains a new run of this stage. */
    public List<String> launchArgs(java.nio.file.Path configFile, java.util.Map<String, String> inputValues, String device,
                                   java.nio.file.Path runsRoot) {
        List<String> args = new ArrayList<>(trainCommand);
        args.add("--config");
        args.add(configFile.toString());
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
    public List<String> resumeArgs(java.nio.file.Path run, String device) {
        List<String> args = new ArrayList<>(trainCommand);
        args.add("--resume");
        args.add(run.toString());
        deviceArgs(args, device);
        return args;
    }

    /** The command line that evaluates {@code checkpoint} on {@code data}. */
    public List<String> evalArgs(java.nio.file.Path checkpoint, java.nio.file.Path data) {
        return evalCommand.stream().map(a -> a.replace("{checkpoint}", checkpoint.toString()).replace("{data}", data.toString())).toList();
    }

    private void deviceArgs(List<String> args, String device) {
        if (deviceOption && device != null && !device.equals("auto")) {
            args.add("--device");
            args.add(device);
        }
    }

    /** Why the config is not valid for this stage, or null. */
    public String validate(JsonNode config) {
        return validator == null ? null : validator.apply(config);
    }
}

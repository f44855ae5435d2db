package org.notmono.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.notmono.model.cli.DeviceOption;
import org.notmono.model.engine.DeviceChoice;
import org.notmono.model.engine.EngineReport;

/** {@code notmono doctor [--json] [--device D]}: what the engine runs on here, and which device a setting picks. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Show what the deep-learning engine runs on.",
            "DJL and PyTorch versions, where libtorch was loaded from, the devices DJL sees, CUDA, threads, memory, the",
            "launcher's settings and the device the --device / NOTMONO_DEVICE setting picks. The same facts are in Help > About and every run's config.json."})
public class DoctorCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--json", description = "print the facts as JSON")
    boolean json;

    @Mixin
    DeviceOption device;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EngineReport report = EngineReport.collect();
        DeviceChoice.Check check = report.engine() == null
                ? new DeviceChoice.Check(null, "none: the engine did not load")
                : DeviceChoice.check(device.setting());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = report.toJson();
            node.set("device", check.toJson());
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } else {
            for (Map.Entry<String, String> row : report.rows()) {
                print(out, row.getKey(), row.getValue());
            }
            print(out, "Device", check.line(report.engine()));
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String label, String value) {
        String[] lines = value.split("\n");
        for (int i = 0; i < lines.length; i++) {
            out.printf("%-12s %s%n", i == 0 ? label : "", lines[i]);
        }
    }
}

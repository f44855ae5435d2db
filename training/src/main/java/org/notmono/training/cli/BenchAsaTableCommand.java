package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.notmono.training.asa.AsaTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notmono bench asa-table RESULTS.json... [--gap NAME|none]}: several ASA results as one Markdown table. */
@Command(name = "asa-table", mixinStandardHelpOptions = true,
        description = {"Print 'bench asa' results side by side as a Markdown table.",
            "Accuracy per family, per level and overall, one column per results.json (named by its answerer), and for",
            "every answerer listed after the gap baseline (slots when present) a column 'slots − NAME': the baseline's",
            "accuracy minus its own, in points.",
            "A row gives 95%% intervals: each overall accuracy's (Wilson), and each gap's question by question",
            "from the answers.jsonl beside the two results.json."})
public class BenchAsaTableCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RESULTS.json", description = "results of 'notmono bench asa', in column order")
    List<Path> results;

    @Option(names = "--gap", paramLabel = "NAME", description = "the answerer gaps are taken from (default: slots when listed; none: no gaps)")
    String gap;

    @Override
    public Integer call() throws IOException {
        List<AsaTable.Column> columns = new ArrayList<>();
        for (Path p : results) {
            columns.add(AsaTable.read(p));
        }
        String baseline = gap != null ? (gap.equals("none") ? null : gap)
                : columns.stream().anyMatch(c -> c.name().equals("slots")) ? "slots" : null;
        System.out.print(AsaTable.markdown(columns, baseline));
        return 0;
    }
}

package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
    @Test
    void rowsPerSettingMarkWhereRunsDiffer() throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<ConfigDiff.Row> rows = ConfigDiff.rows(List.of(
                m.readTree("{\"stage1\": {\"training\": {\"batchSize\": 8, \"epochs\": 6}}, \"inputs\": {\"data\": [\"/a\"]}}"),
                m.readTree("{\"stage1\": {\"training\": {\"batchSize\": 8, \"epochs\": 20}}, \"gitCommit\": \"abc\"}")));
        assertEquals(List.of(
                new ConfigDiff.Row("stage1.training.batchSize", List.of("8", "8"), false),
                new ConfigDiff.Row("stage1.training.epochs", List.of("6", "20"), true),
                new ConfigDiff.Row("inputs.data", List.of("[\"/a\"]", ""), true),
                new ConfigDiff.Row("gitCommit", List.of("", "abc"), true)), rows);
    }

    @Test
    void evaluationJsonBecomesATable() throws Exception {
        EvalResult r = EvalResult.parse("{\"encoder\": {\"count_accuracy\": 0.68, \"f20\": null}, \"dsp\": {\"count_accuracy\": 0.44, \"f20\": 0.2},"
                + " \"clips\": 100}");
        assertEquals(List.of("encoder", "dsp"), r.systems());
        assertEquals(100, r.clips());
        assertEquals("count_accuracy", r.rows().get(0).metric());
        assertEquals(List.of(0.68, 0.44), r.rows().get(0).values());
        assertEquals(Double.NaN, r.rows().get(1).values().get(0), 0);
    }

    /** The per-group breakdown eval encoder adds is not a scored system. */
    @Test
    void evaluationGroupsStayOutOfTheTable() throws Exception {
        EvalResult r = EvalResult.parse("{\"encoder\": {\"count_accuracy\": 0.68}, \"dsp\": {\"count_accuracy\": 0.44}, \"clips\": 3,"
                + " \"groups\": {\"sources\": {\"1\": {\"encoder\": {\"count_accuracy\": 1.0}, \"dsp\": {\"count_accuracy\": 0.5}}}}}");
        assertEquals(List.of("encoder", "dsp"), r.systems());
        assertEquals(List.of("count_accuracy"), r.rows().stream().map(EvalResult.Row::metric).toList());
    }
}

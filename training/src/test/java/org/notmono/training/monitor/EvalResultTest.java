package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.qa.Family;

/** Both evaluation outputs the workspace reads, parsed into its table and chart. */
class EvalResultTest {
    @Test
    void theAsaBenchmarksResultsGiveARowPerFamilyThenLevelsAndOverall() throws Exception {
        AsaReport report = new AsaReport("lalm");
        for (int i = 0; i < 4; i++) {
            report.add(Family.COUNT, i < 3, true, false); // 75 %
        }
        report.add(Family.AZIMUTH, false, false, false); // 0 %
        report.add(Family.ATTRIBUTE, true, true, false); // 100 %
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson(mapper, "/b"));

        EvalResult r = EvalResult.parse(json);
        assertEquals(List.of("lalm"), r.systems());
        assertEquals(6, r.clips());
        assertEquals("items", r.countUnit());
        assertEquals("accuracy (%)", r.valueLabel());
        assertEquals(List.of("count (L1)", "azimuth (L1)", "attribute (L2)", "L1", "L2", "L3", "overall"),
                r.rows().stream().map(EvalResult.Row::metric).toList());
        assertEquals(List.of("L1", "L2", "L3", "overall"), r.chart().stream().map(EvalResult.Row::metric).toList());
        assertEquals(report.family(Family.COUNT), r.rows().get(0).values().getFirst(), 0.01);
        assertEquals(report.level(1), r.chart().get(0).values().getFirst(), 0.01, "3 of 5 at level 1");
        assertEquals(60.0, r.chart().get(0).values().getFirst(), 0.01);
        assertEquals(100.0, r.chart().get(1).values().getFirst(), 0.01);
        assertTrue(Double.isNaN(r.chart().get(2).values().getFirst()), "no level-3 item: no value");
        assertEquals(report.overall(), r.chart().get(3).values().getFirst(), 0.01);
        assertEquals(4.0 / 6 * 100, r.chart().get(3).values().getFirst(), 0.01);
    }

    @Test
    void theEncoderEvaluationKeepsItsTableAndHasNoChart() throws Exception {
        EvalResult r = EvalResult.parse("{\"encoder\": {\"count_accuracy\": 0.5, \"angular_error_deg\": 20}, \"dsp\": {\"angular_error_deg\": 30},"
                + " \"clips\": 12}");
        assertEquals(List.of("encoder", "dsp"), r.systems());
        assertEquals(12, r.clips());
        assertEquals("clips", r.countUnit());
        assertTrue(r.chart().isEmpty());
        assertEquals(List.of(20.0, 30.0), r.rows().get(1).values());
        assertTrue(Double.isNaN(r.rows().get(0).values().get(1)));
    }
}

package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.curriculum.OptionWalk;
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
        assertEquals(List.of("count (L1)", "azimuth (L1)", "attribute (L2)", "L1", "L2", "L3", "overall", "overall, 95% interval",
                        "right option's text (%)", "letter follows walk"),
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
    void theRightOptionsTextAndTheWalkAreReadBesideTheScore() throws Exception {
        String json = """
                {"answerer": "lalm-exact-options-stage3", "benchmark": "/b", "items": 8, "overall": 25.0, "withoutLetter": 1,
                 "rightOptionText": 3,
                 "walk": {"answers": 6, "letterFollowsWalk": 5, "lines": 20, "linesCopiedExactly": 20},
                 "levels": {"L1": 25.0, "L2": "NaN", "L3": "NaN"},
                 "families": {"count": {"level": 1, "items": 8, "correct": 2, "accuracy": 25.0}}}
                """;
        EvalResult r = EvalResult.parse(json);
        assertEquals(List.of("lalm-exact-options-stage3"), r.systems(), "the answerer heads its column");
        assertEquals(List.of("count (L1)", "L1", "L2", "L3", "overall", "overall, 95% interval", "right option's text (%)",
                        "letter follows walk"),
                r.rows().stream().map(EvalResult.Row::metric).toList());
        assertEquals(List.of("37.5000"), row(r, "right option's text (%)").cells(), "3 of 8 items");
        assertEquals(List.of("5 of 6"), row(r, "letter follows walk").cells());
        assertEquals(List.of("25.0000"), row(r, "overall").cells());
        // Wilson's interval of 2 right of 8: (0.25 + 0.24 ± 1.96 sqrt(0.0234 + 0.0150)) / 1.48
        assertEquals(List.of("7.1–59.1"), row(r, "overall, 95% interval").cells());
        assertEquals(List.of("-"), row(r, "L2").cells(), "a level without items has no value");
        assertEquals(List.of("L1", "L2", "L3", "overall"), r.chart().stream().map(EvalResult.Row::metric).toList(),
                "the counts beside the score are not charted");

        EvalResult older = EvalResult.parse("{\"answerer\": \"lalm-stage2\", \"items\": 4, \"overall\": 50.0,"
                + " \"levels\": {\"L1\": 50.0}, \"families\": {}}");
        assertEquals(List.of(""), row(older, "right option's text (%)").cells(), "not counted: empty, not 0");
        assertEquals(List.of(""), row(older, "letter follows walk").cells(), "no walks: empty, not 0");
        assertEquals(List.of(""), row(older, "overall, 95% interval").cells(), "no counted families: no interval");
    }

    @Test
    void asaReportsFieldsReachTheTable() throws Exception {
        AsaReport report = new AsaReport("lalm");
        report.add(Family.COUNT, true, true, true);
        report.add(Family.COUNT, false, true, true);
        report.add(Family.COUNT, false, true, false);
        report.add(Family.COUNT, false, false, false);
        report.addWalk(new OptionWalk.Summary(4, 4, true));
        report.addWalk(new OptionWalk.Summary(4, 3, false));
        report.addWalk(new OptionWalk.Summary(0, 0, false)); // no walk: not counted
        ObjectMapper mapper = new ObjectMapper();
        EvalResult r = EvalResult.parse(mapper.writeValueAsString(report.toJson(mapper, "/b")));
        assertEquals(List.of("50.0000"), row(r, "right option's text (%)").cells(), "2 of 4 answers state it");
        assertEquals(List.of("1 of 2"), row(r, "letter follows walk").cells());
    }

    private static EvalResult.Row row(EvalResult r, String metric) {
        return r.rows().stream().filter(x -> x.metric().equals(metric)).findFirst().orElseThrow();
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

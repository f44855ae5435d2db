package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Items as {@code notmono.qa/1} JSON lines: the fields in the format's order, strings escaped as JSON wants. */
class QaJsonTest {

    @Test
    void aMultipleChoiceItemIsOneLineWithItsFieldsInOrderAndItsParametersSorted() throws IOException {
        QaItem q = new QaItem("s1/distance/mcq", "s1", "clips/s1.wav", Family.DISTANCE, QaKind.MCQ, "distance/t1",
                "How far is the \"dog\" bark?\nSay it", List.of("About 2 m", "About 4 m", "About 1 m", "Über 8 m"), "B", "About 4 m",
                "It is 3.9 m.", List.of("/sources/0/class", "/sources/0/distance"),
                "<think>It is 3.9 m.</think><answer>B. About 4 m</answer>",
                new Query(List.of("dog_bark"), Map.of("z", "1", "a", "2"), List.of("2", "4", "1", "8")));
        String line = QaJson.line(q);
        assertEquals("{\"format\":\"notmono.qa/1\",\"id\":\"s1/distance/mcq\",\"scene\":\"s1\",\"clip\":\"clips/s1.wav\","
                + "\"family\":\"distance\",\"level\":1,\"kind\":\"mcq\",\"phrasing\":\"distance/t1\","
                + "\"question\":\"How far is the \\\"dog\\\" bark?\\nSay it\","
                + "\"options\":[\"About 2 m\",\"About 4 m\",\"About 1 m\",\"Über 8 m\"],\"answer\":\"B\",\"answerText\":\"About 4 m\","
                + "\"think\":\"It is 3.9 m.\",\"facts\":[\"/sources/0/class\",\"/sources/0/distance\"],"
                + "\"target\":\"<think>It is 3.9 m.</think><answer>B. About 4 m</answer>\","
                + "\"query\":{\"subjects\":[\"dog_bark\"],\"params\":{\"a\":\"2\",\"z\":\"1\"},\"values\":[\"2\",\"4\",\"1\",\"8\"]}}", line);
        assertEquals(q, QaJson.parse(line));
    }

    @Test
    void anOpenItemHasNullOptionsAndNoThought() throws IOException {
        QaItem q = new QaItem("s2/count/open", "s2", "clip.wav", Family.COUNT, QaKind.OPEN, "count/t2", "How many?", null,
                "I hear 2 distinct sound sources.", "Two", null, List.of("/sources"), "I hear 2 distinct sound sources.",
                new Query(List.of(), Map.of(), List.of("2")));
        String line = QaJson.line(q);
        assertEquals("{\"format\":\"notmono.qa/1\",\"id\":\"s2/count/open\",\"scene\":\"s2\",\"clip\":\"clip.wav\","
                + "\"family\":\"count\",\"level\":1,\"kind\":\"open\",\"phrasing\":\"count/t2\",\"question\":\"How many?\","
                + "\"options\":null,\"answer\":\"I hear 2 distinct sound sources.\",\"answerText\":\"Two\",\"think\":null,"
                + "\"facts\":[\"/sources\"],\"target\":\"I hear 2 distinct sound sources.\","
                + "\"query\":{\"subjects\":[],\"params\":{},\"values\":[\"2\"]}}", line);
        assertEquals(q, QaJson.parse(line));
    }
}

package org.notmono.training.asa;

import org.notmono.task.TaskContext;
import org.notmono.training.qa.AnswerRules;
import org.notmono.training.qa.Perception;
import org.notmono.training.qa.SceneFacts;

/** Reads the scene's RTSD and applies the rules to the truth: it must score 100%. */
public final class OracleAnswerer extends RuleAnswerer {

    public OracleAnswerer(AnswerRules rules) {
        super(rules, 0);
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    Perception perceive(AsaQuestion question, TaskContext task) {
        return Perception.truth(SceneFacts.of(question.truth()));
    }
}

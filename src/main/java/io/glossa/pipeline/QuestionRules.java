package io.glossa.pipeline;

import io.glossa.pipeline.InvalidSubmissionException.Reason;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a client's {@link Question} against the languages the model can answer with, before anything is stored. */
public final class QuestionRules {
    /** The most candidates a client may ask for: more than any model here has labels. */
    public static final int MAX_TOP = 100;

    private final Set<String> languages;

    /** @param languages the label codes a client may restrict to (the model's) */
    public QuestionRules(Set<String> languages) {
        this.languages = Set.copyOf(languages);
    }

    /** Any code glossa has a name for: for an API that loads no model. */
    public static QuestionRules anyKnownLanguage() {
        return new QuestionRules(Set.copyOf(io.glossa.model.LanguageNames.codes()));
    }

    public Set<String> languages() {
        return languages;
    }

    void check(Question question) {
        List<String> asked = question.languages();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String code = asked.get(i);
            if (!languages.contains(code)) {
                throw invalid("languages[" + i + "]: \"" + abbreviate(code) + "\" is not a language of the model; "
                        + "GET /api/v1/languages lists the codes");
            }
            if (!seen.add(code)) {
                throw invalid("languages[" + i + "]: \"" + code + "\" is listed twice");
            }
        }
        if (question.top() != null && question.top() > MAX_TOP) {
            throw invalid("top must be between 1 and " + MAX_TOP + ", got " + question.top());
        }
    }

    private static InvalidSubmissionException invalid(String message) {
        return new InvalidSubmissionException(Reason.INVALID_QUESTION, message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}

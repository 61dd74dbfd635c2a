package io.glossa.web;

import io.glossa.model.LabelInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The languages a user may pick as a label: the model's labels, with English and native names. */
final class LanguageCatalog {
    private final List<LabelInfo> languages;
    private final Map<String, LabelInfo> byCode;

    public LanguageCatalog(List<LabelInfo> languages) {
        this.languages = List.copyOf(languages);
        this.byCode =
                this.languages.stream().collect(Collectors.toUnmodifiableMap(LabelInfo::code, Function.identity()));
    }

    public List<LabelInfo> languages() {
        return languages;
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public LabelInfo get(String code) {
        return byCode.get(code);
    }
}

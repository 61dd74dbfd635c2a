package io.glossa.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A label of the model with its English and native names. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LabelInfo(String code, String name, String nativeName) {
    public static LabelInfo of(String code) {
        LanguageNames.Names names = LanguageNames.of(code);
        return new LabelInfo(code, names.english(), names.nativeName());
    }
}

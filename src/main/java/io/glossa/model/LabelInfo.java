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

    /**
     * This label with the names glossa gives its code today: a model file keeps the names of the day it was trained
     * (the default model says "Norsk", not "Norsk (Bokmål)"), and renaming must not need a new model.
     */
    public LabelInfo withCurrentNames() {
        return LanguageNames.isKnown(code) ? of(code) : this;
    }

    /** The native name to show with a prediction of {@code text}: Serbian's in the script the text is written in. */
    public String nativeNameFor(CharSequence text) {
        return SerbianName.CODE.equals(code) ? SerbianName.of(text) : nativeName;
    }
}

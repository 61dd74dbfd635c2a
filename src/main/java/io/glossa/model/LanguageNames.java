package io.glossa.model;

import java.util.Map;

/**
 * English and native names of the language codes glossa knows, as the talk's table gave them (the Wikipedias its
 * data came from: "Norwegian (Bokmål) — Norsk (Bokmål)", "Waray-Waray — Winaray"); any other label is named by its
 * code. Only names live here: the codes are the API's and never change. Serbian has a name in each of its two
 * scripts, see {@link LabelInfo#nativeNameFor(CharSequence)}.
 */
public final class LanguageNames {
    public record Names(String english, String nativeName) {}

    private static final Map<String, Names> NAMES = Map.ofEntries(
            entry("ar", "Arabic", "العربية"),
            entry("bg", "Bulgarian", "Български"),
            entry("ca", "Catalan", "Català"),
            entry("cs", "Czech", "Čeština"),
            entry("da", "Danish", "Dansk"),
            entry("de", "German", "Deutsch"),
            entry("en", "English", "English"),
            entry("es", "Spanish", "Español"),
            entry("et", "Estonian", "Eesti"),
            entry("eu", "Basque", "Euskara"),
            entry("fa", "Persian", "فارسی"),
            entry("fi", "Finnish", "Suomi"),
            entry("fr", "French", "Français"),
            entry("he", "Hebrew", "עברית"),
            entry("hi", "Hindi", "हिन्दी"),
            entry("hr", "Croatian", "Hrvatski"),
            entry("hu", "Hungarian", "Magyar"),
            entry("id", "Indonesian", "Bahasa Indonesia"),
            entry("it", "Italian", "Italiano"),
            entry("ja", "Japanese", "日本語"),
            entry("kk", "Kazakh", "Қазақша"),
            entry("ko", "Korean", "한국어"),
            entry("lt", "Lithuanian", "Lietuvių"),
            entry("ms", "Malay", "Bahasa Melayu"),
            entry("nl", "Dutch", "Nederlands"),
            entry("no", "Norwegian (Bokmål)", "Norsk (Bokmål)"),
            entry("pl", "Polish", "Polski"),
            entry("pt", "Portuguese", "Português"),
            entry("ro", "Romanian", "Română"),
            entry("ru", "Russian", "Русский"),
            entry("sk", "Slovak", "Slovenčina"),
            entry("sl", "Slovenian", "Slovenščina"),
            entry("sr", "Serbian", SerbianName.BOTH_SCRIPTS),
            entry("sv", "Swedish", "Svenska"),
            entry("tr", "Turkish", "Türkçe"),
            entry("uk", "Ukrainian", "Українська"),
            entry("vi", "Vietnamese", "Tiếng Việt"),
            entry("war", "Waray-Waray", "Winaray"));

    private LanguageNames() {}

    private static Map.Entry<String, Names> entry(String code, String english, String nativeName) {
        return Map.entry(code, new Names(english, nativeName));
    }

    /** The names of {@code code}; for a label glossa does not know, both names are the code itself. */
    public static Names of(String code) {
        Names names = NAMES.get(code);
        return names != null ? names : new Names(code, code);
    }

    public static String english(String code) {
        return of(code).english();
    }

    /** The native name where no text is at hand (a language list): Serbian's in both scripts. */
    public static String nativeName(String code) {
        return of(code).nativeName();
    }

    /** Every code glossa has names for, sorted. */
    public static java.util.List<String> codes() {
        return NAMES.keySet().stream().sorted().toList();
    }

    /** False for null too: a damaged model file can carry a label without a code, and must still load or be refused. */
    public static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code);
    }
}

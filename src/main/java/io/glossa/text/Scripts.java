package io.glossa.text;

/**
 * The writing systems the model's languages use, as bits of a mask: {@link TextNormalizer} records the scripts of
 * a text's letters in {@link NormalizedText#scripts()}, and the model scores only the labels written in them.
 * Range checks only (no {@code Character.UnicodeScript} lookup): this runs once per letter on the hot path.
 * A letter of any other script sets {@link #OTHER}, which restricts nothing.
 */
public final class Scripts {
    public static final int LATIN = 1;
    public static final int CYRILLIC = 1 << 1;
    public static final int ARABIC = 1 << 2;
    public static final int HEBREW = 1 << 3;
    public static final int DEVANAGARI = 1 << 4;
    public static final int HANGUL = 1 << 5;
    public static final int KANA = 1 << 6;
    public static final int HAN = 1 << 7;
    public static final int OTHER = 1 << 8;
    /** Number of distinct masks. */
    public static final int MASKS = 1 << 9;

    public static final int ALL = MASKS - 1;

    private Scripts() {}

    /** The script bit of a letter (or combining mark) code point. */
    public static int of(int cp) {
        if (cp < 0x250) {
            return cp < 0x80 || cp >= 0xC0 ? LATIN : OTHER; // 0x80-0xBF: ª º µ and symbols
        }
        if (cp < 0x2B0) {
            return LATIN; // IPA extensions
        }
        if (cp >= 0x400 && cp < 0x530) {
            return CYRILLIC;
        }
        if (cp >= 0x590 && cp < 0x600) {
            return HEBREW;
        }
        if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780) || (cp >= 0x8A0 && cp < 0x900)) {
            return ARABIC;
        }
        if (cp >= 0x900 && cp < 0x980) {
            return DEVANAGARI;
        }
        if (cp >= 0x1E00 && cp < 0x1F00) {
            return LATIN; // Latin Extended Additional (Vietnamese)
        }
        if ((cp >= 0x1100 && cp < 0x1200)
                || (cp >= 0x3130 && cp < 0x3190)
                || (cp >= 0xAC00 && cp < 0xD7B0)
                || (cp >= 0xA960 && cp < 0xA980)
                || (cp >= 0xD7B0 && cp < 0xD800)) {
            return HANGUL;
        }
        if ((cp >= 0x3040 && cp < 0x3100) || (cp >= 0x31F0 && cp < 0x3200) || (cp >= 0xFF66 && cp < 0xFFA0)) {
            return KANA;
        }
        if ((cp >= 0x4E00 && cp < 0xA000)
                || (cp >= 0x3400 && cp < 0x4DC0)
                || (cp >= 0xF900 && cp < 0xFB00)
                || (cp >= 0x20000 && cp < 0x32000)
                || cp == 0x3005
                || cp == 0x3007) {
            return HAN;
        }
        if (cp >= 0xFB1D && cp < 0xFB50) {
            return HEBREW;
        }
        if ((cp >= 0xFB50 && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFF00)) {
            return ARABIC;
        }
        if ((cp >= 0x2C60 && cp < 0x2C80) || (cp >= 0xA720 && cp < 0xA800) || (cp >= 0xFF21 && cp < 0xFF5B)) {
            return LATIN;
        }
        return OTHER;
    }

    /**
     * The scripts a language is written in, by its code; {@link #ALL} for a code this table does not know (such a
     * label is always scored). Serbian is written in both Cyrillic and Latin; Korean text may hold Hanja.
     */
    public static int ofLanguage(String code) {
        if (code == null) {
            return ALL;
        }
        return switch (code) {
            case "ar", "fa", "ur", "ps", "ckb" -> ARABIC;
            case "he", "yi" -> HEBREW;
            case "hi", "mr", "ne" -> DEVANAGARI;
            case "ja" -> KANA | HAN;
            case "ko" -> HANGUL | HAN;
            case "zh" -> HAN;
            case "bg", "kk", "ru", "uk", "be", "mk", "ky", "tg", "mn" -> CYRILLIC;
            case "sr" -> CYRILLIC | LATIN;
            case "ca",
                    "cs",
                    "da",
                    "de",
                    "en",
                    "es",
                    "et",
                    "eu",
                    "fi",
                    "fr",
                    "hr",
                    "hu",
                    "id",
                    "it",
                    "lt",
                    "ms",
                    "nl",
                    "no",
                    "nb",
                    "nn",
                    "pl",
                    "pt",
                    "ro",
                    "sk",
                    "sl",
                    "sv",
                    "tr",
                    "vi",
                    "war",
                    "tl",
                    "lv",
                    "is",
                    "ga",
                    "cy",
                    "gl",
                    "sq",
                    "bs",
                    "af",
                    "sw",
                    "az",
                    "uz",
                    "eo",
                    "la",
                    "mt",
                    "ceb" -> LATIN;
            default -> ALL;
        };
    }
}

package io.glossa.model;

/**
 * Serbian is written in Cyrillic and in Latin letters, so its native name follows the text it names: "Српски" for a
 * text in Cyrillic, "Srpski" for one in Latin. Where neither script has more letters (no letters, or as many of
 * each), and where no text is at hand, it reads "Српски / Srpski", as in the talk's table.
 */
final class SerbianName {
    static final String CODE = "sr";
    static final String CYRILLIC = "Српски";
    static final String LATIN = "Srpski";
    static final String BOTH_SCRIPTS = CYRILLIC + " / " + LATIN;

    private SerbianName() {}

    /** The name in the script most of the text's letters are in; both names if no script has more. */
    static String of(CharSequence text) {
        int balance = 0; // Cyrillic letters minus Latin ones: one pass, no allocation
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.CYRILLIC) {
                    balance++;
                } else if (script == Character.UnicodeScript.LATIN) {
                    balance--;
                }
            }
        }
        return balance > 0 ? CYRILLIC : balance < 0 ? LATIN : BOTH_SCRIPTS;
    }
}

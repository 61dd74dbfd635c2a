package io.glossa.training;

import java.util.Map;

/**
 * Serbian is written in Cyrillic and Latin with a one-to-one letter mapping, but our Serbian training text is
 * mostly Latin (UD) while users (and the Leipzig test data) also write Cyrillic. Training on both spellings of
 * every Serbian text teaches the model both scripts without new data.
 */
public final class SerbianScripts {
    public static final String LABEL = "sr";

    private static final String LATIN = "abcčćdđefghijklmnoprsštuvzž";
    private static final String CYRILLIC = "абцчћдђефгхијклмнопрсштувзж";
    private static final Map<String, String> LATIN_DIGRAPHS = Map.of("lj", "љ", "nj", "њ", "dž", "џ");
    private static final Map<Character, String> CYRILLIC_DIGRAPHS = Map.of('љ', "lj", 'њ', "nj", 'џ', "dž");

    private SerbianScripts() {}

    /** The text in the other script: Cyrillic if it is mostly Latin, else Latin. */
    public static String otherScript(String text) {
        return isMostlyCyrillic(text) ? toLatin(text) : toCyrillic(text);
    }

    static boolean isMostlyCyrillic(String text) {
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeBlock.CYRILLIC.equals(Character.UnicodeBlock.of(c))) {
                cyrillic++;
            } else if (Character.isLetter(c)) {
                latin++;
            }
        }
        return cyrillic > latin;
    }

    static String toCyrillic(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + 1 < text.length()) {
                String pair = text.substring(i, i + 2);
                String digraph = LATIN_DIGRAPHS.get(pair.toLowerCase(java.util.Locale.ROOT));
                if (digraph != null) {
                    out.append(
                            Character.isUpperCase(pair.charAt(0))
                                    ? digraph.toUpperCase(java.util.Locale.ROOT)
                                    : digraph);
                    i += 2;
                    continue;
                }
            }
            out.append(map(text.charAt(i), LATIN, CYRILLIC));
            i++;
        }
        return out.toString();
    }

    static String toLatin(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = Character.toLowerCase(c);
            String digraph = CYRILLIC_DIGRAPHS.get(lower);
            if (digraph != null) {
                out.append(c != lower ? Character.toUpperCase(digraph.charAt(0)) + digraph.substring(1) : digraph);
            } else {
                out.append(map(c, CYRILLIC, LATIN));
            }
        }
        return out.toString();
    }

    private static char map(char c, String from, String to) {
        char lower = Character.toLowerCase(c);
        int k = from.indexOf(lower);
        if (k < 0) {
            return c;
        }
        char mapped = to.charAt(k);
        return c != lower ? Character.toUpperCase(mapped) : mapped;
    }
}

package io.glossa.registry;

import java.util.List;

/**
 * Reads what versions answered for stored texts — live results, shadow answers and re-verify runs — for comparing
 * them. The JDBC adapter counts in SQL, so comparing over millions of texts needs no memory here.
 */
public interface ComparisonStore {
    /** Over the texts both versions answered: how many, and on how many their languages differ. */
    Agreement agreement(String a, String b);

    /** Per language of the users' labels (the newest label per text): texts the version answered, and correctly. */
    List<LabelTally> feedbackTally(String version);

    record Agreement(long both, long differ) {}

    record LabelTally(String language, long n, long correct) {}
}

package io.glossa.pipeline;

/**
 * Who asks, for ownership: texts, results, labels and events belong to the API key that submitted them, and a key
 * sees only its own. Owners are key ids; a text without one (submitted without a key, before migration V9, or by an
 * outside producer's job) belongs to nobody, so only requesters that {@link #seesAll()} see it.
 *
 * @param keyId    the requester's API key id, or null when the API needs no keys (a single-user install)
 * @param seesAll  true without required keys (today's behaviour) and for admin-scope keys
 */
public record Requester(Long keyId, boolean seesAll) {
    /** A request to an API that needs no keys: sees everything, owns what it submits as nobody. */
    public static final Requester UNKEYED = new Requester(null, true);

    public static Requester key(long keyId, boolean admin) {
        return new Requester(keyId, admin);
    }

    /** Whether a text owned by {@code owner} (null: nobody) is visible to this requester. */
    public boolean sees(Long owner) {
        return seesAll || (owner != null && owner.equals(keyId));
    }
}

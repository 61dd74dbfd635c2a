package io.glossa.web;

import io.glossa.access.ApiKey;
import io.glossa.access.ApiKeys;
import java.time.Duration;

/**
 * The API key a request was let in with, kept so that a request that stays open, an event stream or a long-poll,
 * can be checked again while it runs. The secret is the one the request carries in its headers anyway.
 */
record PresentedKey(ApiKey key, String secret, ApiKeys keys) {
    /** True once the key is revoked (or gone). */
    boolean revoked(Duration checkPeriod) {
        return keys.recheck(secret, checkPeriod).isEmpty();
    }

    @Override
    public String toString() {
        return "PresentedKey[key=" + key + ", secret=***]";
    }
}

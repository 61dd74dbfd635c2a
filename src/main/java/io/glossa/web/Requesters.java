package io.glossa.web;

import io.glossa.pipeline.Requester;
import io.javalin.http.Context;

/**
 * Who a request comes from, for ownership. {@link AccessControl} lets a request in with its key when keys are
 * required; without required keys there is none, and the request sees everything, as before keys owned data.
 */
final class Requesters {
    private Requesters() {}

    static Requester of(Context ctx) {
        PresentedKey key = ctx.attribute(AccessControl.KEY_ATTRIBUTE);
        return key == null
                ? Requester.UNKEYED
                : Requester.key(key.key().id(), key.key().admin());
    }

    /** The owner of what this request submits: its key's id, or null (nobody) without required keys. */
    static Long owner(Context ctx) {
        return of(ctx).keyId();
    }
}

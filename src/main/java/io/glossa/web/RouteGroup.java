package io.glossa.web;

import io.javalin.Javalin;

/** Routes added to the {@link ApiServer} beside the texts API (e.g. the UI's), registered before it starts. */
@FunctionalInterface
public interface RouteGroup {
    void register(Javalin app);
}

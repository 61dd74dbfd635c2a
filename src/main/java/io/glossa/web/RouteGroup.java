package io.glossa.web;

import io.javalin.config.RoutesConfig;

/** Routes added to the {@link ApiServer} beside the texts API (e.g. the UI's), registered before it starts. */
@FunctionalInterface
interface RouteGroup {
    void register(RoutesConfig routes);
}

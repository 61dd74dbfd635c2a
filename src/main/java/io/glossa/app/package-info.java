/**
 * The composition root: builds and starts the serve, api and worker roles from plain settings records
 * ({@link io.glossa.app.ServeSettings}, {@link io.glossa.app.ApiRoleSettings}, {@link io.glossa.app.WorkerRoleSettings})
 * through {@link io.glossa.app.Roles}, one start sequence for all three. No picocli here: the CLI turns flags and
 * environment variables into these records, and tests start roles in-process with them.
 */
package io.glossa.app;

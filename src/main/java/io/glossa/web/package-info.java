/** The HTTP adapter on Javalin: the API, problem+json errors, server-sent events, OpenAPI, the static UI. */
package io.glossa.web;

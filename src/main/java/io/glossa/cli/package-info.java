/**
 * The picocli commands and their option mixins: they turn flags and environment variables into settings records and
 * call {@link io.glossa.app} (roles, training) or the client packages; the wiring lives there.
 */
package io.glossa.cli;

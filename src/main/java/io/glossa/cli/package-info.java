/** The picocli commands, and where each command wires the parts it runs. */
package io.glossa.cli;

/**
 * {@code glossa train} behind its flags: reads the training files (and the stored feedback labels), runs the
 * optional parameter search, trains and writes the model. The command parses the flags and prints the result.
 */
package io.glossa.app.training;

/** Scores and reports of a model on labelled text: accuracy, confusion, calibration, throughput (pure core). */
package io.glossa.evaluation;

/** Scores and reports of a model on labelled text: accuracy, confusion, per-language tables (pure core). */
package io.glossa.evaluation;

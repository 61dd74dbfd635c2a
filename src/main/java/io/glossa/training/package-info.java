/** The trainer: softmax regression, randomized search with cross-validation, calibration (pure core). */
package io.glossa.training;

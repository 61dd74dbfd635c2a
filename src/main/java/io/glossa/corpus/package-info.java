/** Reading labelled text (TSV) for training and evaluation, with line-level errors a user can act on (pure core). */
package io.glossa.corpus;

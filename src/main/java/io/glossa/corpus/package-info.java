/** Reading labelled training and evaluation text (TSV), with line-level errors a user can act on (pure core). */
package io.glossa.corpus;

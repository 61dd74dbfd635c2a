/** Hashed character n-gram and word features with TF-IDF weighting, allocation-free per text (pure core). */
package io.glossa.features;

/** The one text normalisation of training and prediction: NFC, URLs and handles removed, letters lower-cased, the rest spaces (pure core). */
package io.glossa.text;

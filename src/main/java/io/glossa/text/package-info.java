/** Text normalisation before features: Unicode composition, case, script-aware cleaning (pure core). */
package io.glossa.text;

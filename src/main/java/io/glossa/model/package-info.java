/** The language model: its file format (versioned, checksummed, with provenance), loading and scoring (pure core). */
package io.glossa.model;

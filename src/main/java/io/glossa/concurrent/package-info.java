/**
 * Small concurrency capabilities every package may use: named daemon threads and jittered backoff. No adapter
 * dependencies, so the core and the pipeline can use them too.
 */
package io.glossa.concurrent;

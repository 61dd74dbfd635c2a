/**
 * {@code glossa batch}: a file of lines in, one JSON line per line out, in order — classified in this process
 * ({@link io.glossa.client.batch.LocalBatch}) or sent through a running API's batch lane
 * ({@link io.glossa.client.batch.QueueBatch}); with the line reading and writing both share.
 */
package io.glossa.client.batch;

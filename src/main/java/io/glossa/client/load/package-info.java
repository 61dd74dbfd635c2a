/**
 * {@code glossa load}, the open-loop load generator, and the HTTP pieces the batch client
 * ({@link io.glossa.client.batch}) shares with it: the texts client, the event-stream feed and the pacing that
 * follows the realtime lane ({@link io.glossa.client.load.AdaptivePace}).
 */
package io.glossa.client.load;

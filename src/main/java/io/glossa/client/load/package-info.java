/** Clients of the HTTP API: the open-loop load generator and the batch client. */
package io.glossa.load;

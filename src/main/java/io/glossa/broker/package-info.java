/** The AMQP adapter: topology, confirmed publishing, consuming with poison handling, result events, the embedded broker. */
package io.glossa.broker;

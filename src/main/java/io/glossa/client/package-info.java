/**
 * glossa-client: a small Java client of glossa's public interfaces, built into glossa.jar — {@link
 * io.glossa.client.GlossaClient} for the HTTP API (submit, wait, the SSE result stream) and {@link
 * io.glossa.client.GlossaRpc} for AMQP RPC through the jobs exchange. It depends on the JDK's HTTP client, Jackson and
 * the RabbitMQ Java client only, never on glossa's own packages, so it can be copied out as it is. Beside it, the
 * client side of glossa itself: the load tool ({@code client.load}) and the batch clients ({@code client.batch}).
 */
package io.glossa.client;

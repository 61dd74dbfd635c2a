/** The ports (TextStore, JobPublisher, JobConsumer, ...) and the services around the model: submission, outbox relay, prediction, retention. */
package io.glossa.pipeline;

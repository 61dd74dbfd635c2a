"""An RPC client for glossa written with pika (not by us): publishes one job {"id","text"} to the jobs exchange
with reply_to and a correlation_id, waits for the reply and prints it as JSON. On RabbitMQ the reply comes through
direct reply-to (amq.rabbitmq.reply-to); other brokers (glossa's embedded Qpid) have no such pseudo-queue, so there
it uses an exclusive, auto-delete, server-named queue. clients/python/glossa_amqp.py is the documented client.

usage: rpc_client.py AMQP_URL EXCHANGE ROUTING_KEY TEXT [TIMEOUT_SECONDS]
exit 0: a reply with our correlation id arrived (printed on stdout); 1: no reply in time; 2: wrong correlation id.
"""
import json
import sys
import uuid

import pika

REPLY_TO = "amq.rabbitmq.reply-to"


def main():
    url, exchange, routing_key, text = sys.argv[1:5]
    timeout = float(sys.argv[5]) if len(sys.argv) > 5 else 20.0
    connection = pika.BlockingConnection(pika.URLParameters(url))
    channel = connection.channel()
    replies = []

    def on_reply(ch, method, properties, body):
        replies.append((properties.correlation_id, body))

    reply_to = REPLY_TO
    if connection._impl.server_properties.get("product") != "RabbitMQ":
        reply_to = channel.queue_declare(queue="", exclusive=True, auto_delete=True).method.queue
    # direct reply-to: consume the pseudo-queue (auto-ack) on this channel before publishing on it
    channel.basic_consume(queue=reply_to, on_message_callback=on_reply, auto_ack=True)
    job_id = str(uuid.uuid4())
    correlation_id = "pika-" + job_id
    channel.basic_publish(
        exchange=exchange,
        routing_key=routing_key,
        body=json.dumps({"id": job_id, "text": text}).encode("utf-8"),
        properties=pika.BasicProperties(
            content_type="application/json",
            delivery_mode=2,
            message_id=job_id,
            reply_to=reply_to,
            correlation_id=correlation_id,
        ),
    )
    connection.process_data_events(time_limit=0)
    waited = 0.0
    while not replies and waited < timeout:
        connection.process_data_events(time_limit=0.1)
        waited += 0.1
    connection.close()
    if not replies:
        print("no reply within %.0f s" % timeout, file=sys.stderr)
        return 1
    got_correlation, body = replies[0]
    if got_correlation != correlation_id:
        print("reply has correlation id %r, expected %r" % (got_correlation, correlation_id), file=sys.stderr)
        return 2
    reply = json.loads(body)
    print(json.dumps({"sent_id": job_id, "correlation_id": got_correlation, "reply": reply}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

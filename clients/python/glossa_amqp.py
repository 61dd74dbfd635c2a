"""glossa over AMQP 0-9-1 with pika (Debian: apt-get install python3-pika), on RabbitMQ or glossa's embedded broker.

    python3 glossa_amqp.py publish AMQP_URL TEXT...   # confirmed publish; prints one job id per line
    python3 glossa_amqp.py rpc AMQP_URL TEXT          # publish with reply_to; prints the result as JSON

AMQP_URL: amqp://guest:guest@127.0.0.1:5673/%2F for `glossa serve`'s embedded broker, amqp://…:5672/%2F for RabbitMQ.
Optional environment: GLOSSA_QUEUE_PREFIX (default glossa), GLOSSA_LANE (realtime|batch, default realtime).
A job is the JSON {"id": <fresh uuid>, "text": ...}; glossa stores the text the first time a worker takes it,
so the id is then readable at GET /api/v1/texts/{id} (docs/messages.md).
"""
import json
import os
import sys
import uuid

import pika

PREFIX = os.environ.get("GLOSSA_QUEUE_PREFIX", "glossa")
LANE = os.environ.get("GLOSSA_LANE", "realtime")


def job(text, languages=None, top=None):
    """A job body; languages and top are the optional question (docs/schemas/job.schema.json)."""
    body = {"id": str(uuid.uuid4()), "text": text}
    if languages:
        body["languages"] = list(languages)
    if top:
        body["top"] = top
    return body


def properties(body, **extra):
    return pika.BasicProperties(content_type="application/json", delivery_mode=2, message_id=body["id"], **extra)


def publish(url, texts):
    """Publishes one job per text with publisher confirms: returns their ids once the broker owns every one."""
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        channel = connection.channel()
        channel.confirm_delivery()  # from here on basic_publish returns once the broker confirmed (or raises)
        ids = []
        for text in texts:
            body = job(text)
            # mandatory: an unroutable job (no queue bound yet) raises UnroutableError instead of vanishing
            channel.basic_publish(PREFIX + ".jobs", LANE, json.dumps(body).encode("utf-8"), properties(body),
                                  mandatory=True)
            ids.append(body["id"])
        return ids
    finally:
        connection.close()


def rpc(url, text, timeout=30.0):
    """Publishes one job with reply_to and returns the worker's reply (the result, as GET /api/v1/texts/{id})."""
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        channel = connection.channel()
        # an exclusive, auto-delete, server-named reply queue works on every broker; RabbitMQ's direct reply-to
        # (amq.rabbitmq.reply-to) saves the declare but does not exist on the embedded broker
        reply_queue = channel.queue_declare(queue="", exclusive=True, auto_delete=True).method.queue
        channel.confirm_delivery()
        body = job(text)
        correlation_id = body["id"]
        channel.basic_publish(PREFIX + ".jobs", LANE, json.dumps(body).encode("utf-8"),
                              properties(body, reply_to=reply_queue, correlation_id=correlation_id), mandatory=True)
        for method, props, reply in channel.consume(reply_queue, auto_ack=True, inactivity_timeout=timeout):
            if method is None:
                raise TimeoutError("no reply within %.0f s" % timeout)
            if props.correlation_id == correlation_id:  # a queue of our own, but a late reply may still arrive
                return json.loads(reply)
    finally:
        connection.close()


def main(argv):
    if len(argv) < 3 or argv[0] not in ("publish", "rpc"):
        print(__doc__, file=sys.stderr)
        return 2
    command, url, texts = argv[0], argv[1], argv[2:]
    if command == "publish":
        for job_id in publish(url, texts):
            print(job_id)
    else:
        print(json.dumps(rpc(url, " ".join(texts)), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

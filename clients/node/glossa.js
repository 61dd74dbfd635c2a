// glossa from Node.js: AMQP with amqplib (confirmed publish, RPC) and the HTTP API with fetch (Node 18+).
//
//   node glossa.js publish AMQP_URL TEXT...   confirmed publish; prints one job id per line
//   node glossa.js rpc AMQP_URL TEXT          publish with reply_to; prints the result as JSON
//   node glossa.js http BASE_URL TEXT         POST ?wait=10s (+ GET ?wait= while pending); prints the result
//
// AMQP_URL: amqp://guest:guest@127.0.0.1:5673 for `glossa serve`'s embedded broker, …:5672 for RabbitMQ.
// Environment: GLOSSA_QUEUE_PREFIX (default glossa), GLOSSA_LANE (realtime|batch), GLOSSA_API_KEY.
'use strict';
const amqp = require('amqplib');
const { randomUUID } = require('node:crypto');

const PREFIX = process.env.GLOSSA_QUEUE_PREFIX || 'glossa';
const LANE = process.env.GLOSSA_LANE || 'realtime';

/** A job body {"id", "text"} with the optional question (docs/schemas/job.schema.json). */
function job(text, { languages, top } = {}) {
  const body = { id: randomUUID(), text };
  if (languages) body.languages = languages;
  if (top) body.top = top;
  return body;
}

function publishJob(channel, body, extra = {}) {
  // mandatory: a job no queue takes is returned (and nacked) instead of silently dropped
  return channel.publish(`${PREFIX}.jobs`, LANE, Buffer.from(JSON.stringify(body)),
    { contentType: 'application/json', persistent: true, messageId: body.id, mandatory: true, ...extra });
}

/** Publishes one job per text on a confirm channel; resolves with the ids once the broker confirmed all. */
async function publish(url, texts) {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    const ids = texts.map((text) => {
      const body = job(text);
      publishJob(channel, body);
      return body.id;
    });
    await channel.waitForConfirms(); // rejects if the broker nacked any
    return ids;
  } finally {
    await connection.close();
  }
}

/** Publishes one job with reply_to and resolves with the worker's reply (the result record). */
async function rpc(url, text, timeoutMs = 30000) {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    // exclusive, auto-delete, server-named: works on RabbitMQ and the embedded broker (no direct reply-to there)
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
    const body = job(text);
    const reply = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply within ${timeoutMs} ms`)), timeoutMs);
      channel.consume(queue, (message) => {
        if (message && message.properties.correlationId === body.id) {
          clearTimeout(timer);
          resolve(JSON.parse(message.content.toString('utf8')));
        }
      }, { noAck: true });
    });
    publishJob(channel, body, { replyTo: queue, correlationId: body.id });
    await channel.waitForConfirms();
    return await reply;
  } finally {
    await connection.close();
  }
}

async function request(method, url, body, headers = {}) {
  const all = { ...headers };
  if (process.env.GLOSSA_API_KEY) all.Authorization = `Bearer ${process.env.GLOSSA_API_KEY}`;
  if (body !== undefined) all['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(`${response.status} ${json.title}: ${json.detail}`); // problem+json
  return json;
}

/** Submit and wait for the finished record; the Idempotency-Key makes a retried POST safe. */
async function predict(base, text, { languages, top, idempotencyKey = randomUUID() } = {}) {
  const body = { text };
  if (languages) body.languages = languages;
  if (top) body.top = top;
  let record = await request('POST', `${base}/api/v1/texts?wait=10s`, body, { 'Idempotency-Key': idempotencyKey });
  while (record.status === 'pending') {
    record = await request('GET', `${base}/api/v1/texts/${record.id}?wait=30s`);
  }
  return record;
}

module.exports = { job, publish, rpc, predict };

async function main([command, target, ...words]) {
  if (!target || words.length === 0) {
    console.error('usage: node glossa.js publish|rpc AMQP_URL TEXT... | http BASE_URL TEXT');
    return 2;
  }
  if (command === 'publish') {
    (await publish(target, words)).forEach((id) => console.log(id));
  } else if (command === 'rpc') {
    console.log(JSON.stringify(await rpc(target, words.join(' '))));
  } else if (command === 'http') {
    console.log(JSON.stringify(await predict(target.replace(/\/$/, ''), words.join(' '))));
  } else {
    console.error(`unknown command ${command}`);
    return 2;
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; },
    (error) => { console.error(error.message); process.exitCode = 1; });
}

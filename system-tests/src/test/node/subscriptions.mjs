// Follows one import job through the gateway with the real graphql-ws client (what Apollo Client's GraphQLWsLink
// runs), and checks the graphql-transport-ws edge with hostile or out-of-order messages over a raw WebSocket.
//
// env: GATEWAY (http://host:port/graphql), JOB_ID, OWNER_TOKEN, OTHER_TOKEN
// stdout: "FOLLOWING" once the owner's first event arrived, "CHECKS_DONE" once every other check has finished (the
// test then lets the job finish), and last "RESULT <json>".
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const wsUrl = process.env.GATEWAY.replace(/^http/, 'ws');
const jobId = process.env.JOB_ID;
const query = `subscription Follow($id: ID!) {
  importJobUpdated(id: $id) { id status progress counts { references articles } article { title } }
}`;

function describe(error) {
  if (Array.isArray(error)) {
    return { errors: error.map((e) => e?.extensions?.code ?? null) };
  }
  if (error && typeof error.code === 'number') {
    return { close: error.code, reason: error.reason };
  }
  return { message: String(error?.message ?? error) };
}

async function follow(token, onFirst) {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : undefined,
  });
  const events = [];
  let error = null;
  try {
    for await (const result of client.iterate({ query, variables: { id: jobId } })) {
      events.push(result);
      if (events.length === 1 && onFirst) onFirst();
    }
  } catch (e) {
    error = describe(e);
  } finally {
    await client.dispose();
  }
  return { events, error };
}

const ACK = Symbol('ack');

/** Sends the steps over a raw graphql-transport-ws socket; resolves with the close code and what came back. */
function raw(steps, timeoutMs = 20000) {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const received = [];
    let pending = [...steps];
    let acked = false;
    const timer = setTimeout(() => {
      socket.terminate();
      resolve({ close: null, received });
    }, timeoutMs);
    const sendUntilAck = () => {
      while (pending.length > 0) {
        const step = pending[0];
        if (step === ACK) {
          if (!acked) return;
          pending.shift();
          continue;
        }
        pending.shift();
        socket.send(typeof step === 'string' ? step : JSON.stringify(step));
      }
    };
    socket.on('open', sendUntilAck);
    socket.on('message', (data) => {
      let message;
      try {
        message = JSON.parse(String(data));
      } catch {
        message = { unparsed: String(data) };
      }
      received.push(message.type ?? 'unparsed');
      if (message.type === 'connection_ack') {
        acked = true;
        sendUntilAck();
      }
      if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    });
    socket.on('close', (code) => {
      clearTimeout(timer);
      resolve({ close: code, received });
    });
    socket.on('error', () => {});
  });
}

const init = (token) => ({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } });
const subscribe = (id) => ({ type: 'subscribe', id, payload: { query, variables: { id: jobId } } });

let firstSeen;
const first = new Promise((resolve) => (firstSeen = resolve));
const owner = follow(process.env.OWNER_TOKEN, () => firstSeen());
await Promise.race([first, owner]);
console.log('FOLLOWING');

const [other, anonymous, malformed, unknownType, noInit, beforeAck, duplicateId, oversized, badToken, noQuery] =
  await Promise.all([
    follow(process.env.OTHER_TOKEN),
    follow(null),
    raw([init(process.env.OWNER_TOKEN), ACK, '{"type": "subscribe", "id": ']),
    raw([init(process.env.OWNER_TOKEN), ACK, { type: 'bogus' }]),
    raw([]),
    raw([subscribe('early')]),
    raw([init(process.env.OWNER_TOKEN), ACK, subscribe('same'), subscribe('same')]),
    raw([init(process.env.OWNER_TOKEN), ACK, { type: 'subscribe', id: 'big', payload: { query: '#'.repeat(200000) } }]),
    raw([{ type: 'connection_init', payload: { Authorization: 'Bearer not-a-token' } }]),
    raw([init(process.env.OWNER_TOKEN), ACK, { type: 'subscribe', id: 'q', payload: { variables: {} } }]),
  ]);
console.log('CHECKS_DONE');

const followed = await owner;
console.log(
  'RESULT ' +
    JSON.stringify({
      owner: followed,
      other,
      anonymous,
      malformed,
      unknownType,
      noInit,
      beforeAck,
      duplicateId,
      oversized,
      badToken,
      noQuery,
    }),
);
process.exit(0);

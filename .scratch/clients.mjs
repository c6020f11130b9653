// Child process: opens N subscribers to a gateway over real sockets (SSE or graphql-transport-ws) and reports arrivals.
import net from 'node:net';
import { WebSocket } from 'ws';

const worst = new Map();
let events = 0;
let errors = 0;
const sockets = [];
const record = (topic, text) => {
  for (const m of text.matchAll(/"sampledAt":"([^"]+)"/g)) {
    events++;
    const key = `${topic}|${m[1]}`;
    const latency = Date.now() - Date.parse(m[1]);
    if (latency > (worst.get(key) ?? -Infinity)) worst.set(key, latency);
  }
  if (text.includes('"errors"')) errors++;
};

function sse(port, topic, query) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`POST /graphql HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\naccept: text/event-stream\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    socket.setEncoding('utf8');
    let first = true;
    socket.on('data', (text) => { if (first) { first = false; resolve(); } record(topic, text); });
    socket.on('error', (e) => { errors++; reject(e); });
    sockets.push(socket);
  });
}

function ws(port, topic, query) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      const text = data.toString();
      if (text.includes('"connection_ack"')) { socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } })); resolve(); return; }
      record(topic, text);
    });
    socket.on('error', (e) => { errors++; reject(e); });
    sockets.push(socket);
  });
}

process.on('message', async (msg) => {
  if (msg.type === 'open') {
    const { port, count, topics, interval, transport, zones } = msg;
    for (let opened = 0; opened < count; opened += 250) {
      const batch = Math.min(250, count - opened);
      await Promise.all(Array.from({ length: batch }, (_, i) => {
        const t = (opened + i) % topics;
        const query = `subscription { qps(zone: "${zones[t]}", intervalSeconds: ${interval}) { sampledAt } }`;
        return (transport === 'ws' ? ws : sse)(port, t, query);
      }));
    }
    process.send({ type: 'opened' });
  } else if (msg.type === 'stats') {
    process.send({ type: 'stats', events, errors, worst: [...worst] });
    if (msg.clear) worst.clear();
  } else if (msg.type === 'close') {
    for (const s of sockets) s.destroy ? s.destroy() : s.terminate();
    process.send({ type: 'closed' });
    setTimeout(() => process.exit(0), 100);
  }
});

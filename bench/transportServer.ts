/**
 * The loopback server of bench/measureTransport.ts (its own process, pinned away from the client): answers
 * every request with a fixed JSON body of `TRANSPORT_BODY_BYTES` bytes, keep-alive. `GET /ready` answers `ok`.
 * Env: `TRANSPORT_PORT`, `TRANSPORT_BODY_BYTES`.
 */
import http from 'node:http';

const size = Number(process.env.TRANSPORT_BODY_BYTES ?? 4096);
const record = { Id: '0035e00003H1hCOAAZ', FirstName: 'Schuyler', LastName: 'Bogisich', Email: 'schuyler@inbox.example', Phone: '+12135552881' };
const records: unknown[] = [];
while (JSON.stringify({ totalSize: records.length, done: true, records }).length < size) records.push(record);
const body = JSON.stringify({ totalSize: records.length, done: true, records });

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/ready') return void res.writeHead(200).end('ok');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.TRANSPORT_PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

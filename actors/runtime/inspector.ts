import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { createWebSocketInspector } from '@statelyai/inspect';
import type { InspectObserver } from './actor-spec.js';

/**
 * Streams every machine's inspection events to the Stately inspector over a WebSocket bound to
 * 127.0.0.1 (RELIABILITY R20). @statelyai/inspect's own createInspectorServer listens on every
 * interface, so this relay replaces it; the client side (event format) is the library's.
 * Never the Sky inspector, which uploads state to Stately's servers. The viewer itself is Stately's
 * web page and receives every event in the browser (see bridgePage).
 */
export interface LocalInspector {
  inspect: InspectObserver;
  /** Open this in a browser to see the actors. */
  pageUrl: string;
  socketUrl: string;
  stop(): Promise<void>;
}

const MAX_BUFFER = 500;

export async function startLocalInspector(port = 0): Promise<LocalInspector> {
  const buffer: string[] = [];
  let socketPort = 0;
  const http: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(bridgePage(socketPort));
  });
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => {
    for (const message of buffer) ws.send(message);
    ws.on('message', (data) => {
      const message = data.toString();
      buffer.push(message);
      if (buffer.length > MAX_BUFFER) buffer.shift();
      for (const client of wss.clients) if (client !== ws && client.readyState === WebSocket.OPEN) client.send(message);
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  socketPort = (http.address() as AddressInfo).port;
  const socketUrl = `ws://127.0.0.1:${socketPort}`;
  const inspector = createWebSocketInspector({ url: socketUrl });
  return {
    inspect: inspector.inspect as InspectObserver,
    pageUrl: `http://127.0.0.1:${socketPort}`,
    socketUrl,
    async stop() {
      inspector.stop();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * The inspector UI is Stately's web page (https://stately.ai/inspect), loaded in the browser: this page
 * relays every event from the loopback socket into it by postMessage. The relay listens on 127.0.0.1
 * only, but the events (machine states and message contents) are handed to Stately's page code.
 */
function bridgePage(port: number): string {
  return `<!DOCTYPE html><html><head><title>Arbiter actors</title>
<style>html,body{height:100%;margin:0}iframe{width:100%;height:100%;border:0}</style></head>
<body><iframe id="inspector" src="https://stately.ai/inspect"></iframe><script>
const frame = document.getElementById('inspector'); const pending = []; let ready = false;
addEventListener('message', (e) => { if (e.data && e.data.type === '@statelyai.connected') { ready = true; pending.splice(0).forEach((d) => frame.contentWindow.postMessage(d, 'https://stately.ai')); } });
const ws = new WebSocket('ws://127.0.0.1:${port}');
ws.onmessage = (e) => { const d = JSON.parse(e.data); if (ready) frame.contentWindow.postMessage(d, 'https://stately.ai'); else pending.push(d); };
</script></body></html>`;
}

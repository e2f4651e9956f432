// A TCP proxy on 127.0.0.1 in front of PostgreSQL that a test can cut (connections reset, port closed) or turn into a black hole.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Resets every connection and stops listening: the database "went away" (connection refused). */
  cut(): Promise<void>;
  /** Resets every connection and keeps accepting new ones without ever answering (a network partition). */
  blackhole(): Promise<void>;
  /** Forwards again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let mode: 'forward' | 'blackhole' = 'forward';
  let server: Server | undefined;
  let port = 0;

  const track = (s: Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const onConnection = (client: Socket): void => {
    track(client);
    if (mode === 'blackhole') return;
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const a = s.address();
        port = typeof a === 'object' && a ? a.port : port;
        server = s;
        resolve();
      });
    });
  const resetAll = (): void => {
    for (const s of sockets) s.resetAndDestroy();
    sockets.clear();
  };
  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      resetAll();
      await stopListening();
    },
    async blackhole() {
      mode = 'blackhole';
      resetAll();
      if (!server) await listen();
    },
    async restore() {
      mode = 'forward';
      resetAll();
      if (!server) await listen();
    },
    async close() {
      resetAll();
      await stopListening();
    },
  };
}

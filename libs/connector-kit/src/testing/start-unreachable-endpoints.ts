import { createServer, type Server, type Socket } from 'node:net';

export interface UnreachableEndpoints {
  /** A loopback port nothing listens on: connecting fails at once (ECONNREFUSED). */
  refusedPort: number;
  /** A loopback port that accepts connections and never answers, like a host behind a black hole. */
  silentPort: number;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** The two ways a source is down, for tests of what a connector does then. */
export async function startUnreachableEndpoints(): Promise<UnreachableEndpoints> {
  const closed = createServer();
  const refusedPort = await listen(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  const sockets = new Set<Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  const silentPort = await listen(silent);
  return {
    refusedPort,
    silentPort,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    },
  };
}

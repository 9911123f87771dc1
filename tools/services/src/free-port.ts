import { createServer } from 'node:net';

/** Asks the kernel for a free loopback port. */
export async function freePort({ host = '127.0.0.1' }: { host?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

import { spawn } from 'node:child_process';

export interface ServedConnector {
  url: URL;
  stop(): Promise<void>;
}

/** Starts a connector's built bin with `--http` on a free loopback port, and waits for its URL. */
export async function serveConnectorOverHttp({
  bin,
  env,
}: {
  bin: string;
  env: Record<string, string>;
}): Promise<ServedConnector> {
  const child = spawn(process.execPath, [bin, '--http', '--port', '0'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${bin} did not start within 20 s:\n${stderr}`)), 20_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]!));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${bin} exited with code ${code} before listening:\n${stderr}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

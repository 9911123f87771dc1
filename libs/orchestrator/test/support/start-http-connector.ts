import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopChildProcess } from '@connectormcp/services';

export interface HttpConnector {
  /** `http://127.0.0.1:PORT/mcp` */
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));

/** The built MySQL connector serving MCP over Streamable HTTP (`--http`), as a service of its own would. */
export async function startHttpConnector({
  env,
  port = 0,
}: {
  env: Record<string, string>;
  port?: number;
}): Promise<HttpConnector> {
  const child: ChildProcess = spawn(process.execPath, [mysqlBin, '--http', '--port', String(port)], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The connector did not listen within 30 s: ${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The connector exited with ${code} before listening: ${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    stop: () => stopChildProcess({ child, timeoutMs: 5000 }),
  };
}

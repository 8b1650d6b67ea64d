/**
 * Foundation figures: time from `kenh start` to the first healthy answer (new and existing embedded
 * database), and /api/health throughput against a bare node:http server measured in the same run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, print, runLoad } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function startKenh(dataDir: string, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/kenh.js', 'start'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error('kenh start exited');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return { child, ms: performance.now() - started };
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

const dataDir = mkdtempSync(join(tmpdir(), 'kenh-bench-'));
try {
  const port = await freePort();
  const first = await startKenh(dataDir, port);
  print('start to healthy, new database', first.ms, 'ms');
  await stop(first.child);
  const second = await startKenh(dataDir, port);
  print('start to healthy, existing database', second.ms, 'ms');

  const kenh = await runLoad(`http://127.0.0.1:${port}/api/health`, {
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  await stop(second.child);

  const barePort = await freePort();
  const bare = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
  }).listen(barePort, '127.0.0.1');
  const baseline = await runLoad(`http://127.0.0.1:${barePort}/api/health`, {
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  bare.close();

  print('health throughput', kenh.requestsPerSecond, 'req/s');
  print('health p50 latency', kenh.p50, 'ms');
  print('health p99 latency', kenh.p99, 'ms');
  print('bare node:http throughput', baseline.requestsPerSecond, 'req/s');
  print('bare node:http p99 latency', baseline.p99, 'ms');
  print('health vs bare ratio', kenh.requestsPerSecond / baseline.requestsPerSecond, 'x');
  if (kenh.non2xx + kenh.errors > 0) print('health failed responses', kenh.non2xx + kenh.errors, 'requests');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

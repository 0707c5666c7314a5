/**
 * `npm start`: builds what is out of date, then runs the server (dist/server/main.js), which
 * creates and migrates the database under data/ on start. `npm run demo` (--demo) first loads
 * the demo agencies into an empty database and prints the demo sign-ins.
 *
 * Signals are passed on to the server so that SIGTERM reaches its graceful shutdown, and this
 * process exits with the server's exit code. On a terminal, outside production, the server's
 * JSON log lines are shown through pino-pretty so a newcomer can read where to open the browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { ROOT, buildIfStale } from './build-if-stale.mjs';

const withDemo = process.argv.includes('--demo');

try {
  buildIfStale({ server: true, web: true });
} catch (err) {
  console.error(`Teduh could not start: ${err.message}`);
  process.exit(1);
}

if (withDemo) {
  // `teduh demo-code` reads where the demo keeps its data from here (src/cli/demo-record.ts).
  if (!process.env.DATABASE_URL) {
    const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
    fs.writeFileSync(path.join(ROOT, '.teduh-demo.json'), `${JSON.stringify({ dataDir }, null, 2)}\n`);
  }
  const demo = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/teduh.js'), 'demo', '--if-empty'], {
    stdio: 'inherit',
  });
  if (demo.status !== 0) process.exit(demo.status ?? 1);
  console.log('');
}

console.error(
  'Teduh · Menyiapkan basis data dan menjalankan server… / Preparing the database and starting the server…',
);
const pretty = await prettyPrinter();
const server = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.js')], {
  stdio: ['inherit', pretty ? 'pipe' : 'inherit', 'inherit'],
});
if (pretty) server.stdout.pipe(pretty);

// Not SIGHUP: catching it would undo `nohup`; a closing terminal signals the server itself.
for (const signal of ['SIGINT', 'SIGTERM']) {
  // On Ctrl-C the terminal signals the server too; its shutdown ignores the second signal.
  process.on(signal, () => server.kill(signal));
}

// `npm start` runs this script through `sh -c`; on SIGTERM npm signals that shell, which exits
// without passing the signal on and leaves us orphaned. Under npm, losing our parent therefore
// counts as a SIGTERM, so that `kill <npm pid>` still stops the server cleanly. (Run directly,
// e.g. under nohup, an exiting parent shell must not stop the server.)
if (process.env.npm_lifecycle_event) {
  const parentPid = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid === parentPid) return;
    clearInterval(orphanWatch);
    server.kill('SIGTERM');
  }, 500);
  orphanWatch.unref();
}

server.on('error', (err) => {
  console.error(`Teduh could not start: ${err.message}`);
  process.exit(1);
});

// 'close' comes after the server's output has been read to the end, so no log line is lost.
server.on('close', (code, signal) => {
  process.exitCode = code ?? 128 + (constants.signals[signal] ?? 0);
});

/** A pino-pretty stream for a human at a terminal; null for JSON (production, pipes, no dev deps). */
async function prettyPrinter() {
  if (!process.stdout.isTTY || process.env.NODE_ENV === 'production' || process.env.LOG_FORMAT === 'json') return null;
  try {
    const { default: build } = await import('pino-pretty');
    // The ready line carries the address to open: put it on the message line itself.
    return build({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      messageFormat: '{msg}{if url}: open {url}{end}',
    });
  } catch {
    return null; // installed without dev dependencies: plain JSON it is
  }
}

#!/usr/bin/env node
/**
 * `npm run dev`: the API on :3000 restarting on change (tsx watch), and the web app on :5173 with
 * hot reload (Vite proxies /api to :3000). Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'development' },
  }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
let exited = 0;
for (const child of children) {
  child.on('exit', (code) => {
    exited++;
    if (exited === 1) stop('SIGTERM');
    if (exited === children.length) process.exit(code ?? 0);
  });
}

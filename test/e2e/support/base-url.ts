import path from 'node:path';

/**
 * Which screen one run of the journeys plays on, and where its server lives. Every journey runs
 * at both widths (docs/decisions/004-test-strategy.md): `E2E_WIDTH=phone` is a 360 × 780 touch screen, anything else
 * a 1280 × 800 desktop. Each width has its own server, port and data, so two runs can go side by
 * side (scripts/test.mjs starts both) without their state mixing. E2E_PORT lets two checkouts
 * run their journeys side by side too.
 */
export type E2eWidth = 'phone' | 'desktop';
export const E2E_WIDTH: E2eWidth = process.env.E2E_WIDTH === 'phone' ? 'phone' : 'desktop';
export const IS_PHONE = E2E_WIDTH === 'phone';
export const E2E_PORT = Number(process.env.E2E_PORT ?? (IS_PHONE ? 3998 : 3999));
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** The server's data directory (its SQLite file and its log), relative to the repository. */
export const SERVER_DIR = `.test-output/e2e-${E2E_WIDTH}`;
/** Scratch files of one run: state handed from one spec to the next, storage states, CSV files. */
export const RUN_DIR = path.resolve('.test-output', `e2e-${E2E_WIDTH}-run`);

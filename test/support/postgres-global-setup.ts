import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { postgresUnavailableReason, startCluster, type Cluster } from './postgres-cluster.js';

export const TEMPLATE_DB = 'teduh_template';

/**
 * Once per run: a PostgreSQL server (DATABASE_URL, or a throw-away cluster) and a migrated
 * template database. Each test file then copies the template (CREATE DATABASE … TEMPLATE), which
 * takes milliseconds and isolates files from one another.
 */
export default async function setup(project: TestProject) {
  let cluster: Cluster | undefined;
  let adminUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
  if (!adminUrl) {
    const reason = postgresUnavailableReason();
    if (reason) {
      project.provide('postgresAdminUrl', '');
      project.provide('postgresSkipReason', reason);
      return;
    }
    cluster = await startCluster();
    adminUrl = cluster.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const handle = openDatabase({ url: templateUrl.toString() });
  await migrateToLatest(handle);
  await handle.close();
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresSkipReason', '');
  return () => cluster?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresSkipReason: string;
  }
}

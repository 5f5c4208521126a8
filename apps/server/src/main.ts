import { buildApp } from './app.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_ACCOUNTS } from './demo/firm.js';
import { generatePassword, isEmpty, seedDemo } from './demo/seed.js';
import { appJobs } from './jobs.js';
import { scheduleBackups } from './plugins/backup.js';
import { systemClock } from './plugins/clock.js';
import { readConfig } from './plugins/config.js';
import { describeDatabase, openDatabase } from './plugins/db.js';
import { DataDirLocked, lockDataDir } from './plugins/lock.js';
import { dbOptionsFrom } from './plugins/runtime.js';
import { createScheduler } from './plugins/scheduler.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const config = readConfig();
  const dbOptions = dbOptionsFrom(config);
  const unlock = dbOptions.dialect === 'sqlite' ? lockDataDir(config.dataDir) : () => {};
  process.on('exit', unlock);

  const handle = openDatabase(dbOptions);
  await migrateToLatest(handle.db);

  let demoPassword: string | null = null;
  if (await isEmpty(handle.db)) {
    demoPassword = config.demoPassword ?? generatePassword();
    try {
      await seedDemo(handle.db, 'small', demoPassword);
    } catch (e) {
      // Another instance sharing this PostgreSQL database seeded it first.
      if (await isEmpty(handle.db)) throw e;
      demoPassword = null;
    }
  }

  const { app } = await buildApp({ handle, config, logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
  const stopBackups = handle.sqlite ? scheduleBackups(handle.sqlite, config.dataDir, systemClock, say) : () => {};
  // Z-2: in-process timers when embedded; pg-boss when several instances may share PostgreSQL.
  const scheduler = createScheduler({
    deps: { db: handle.db, clock: systemClock, config, log: say },
    jobs: appJobs,
    pgBoss: dbOptions.dialect === 'postgres' ? { connectionString: dbOptions.url, schema: config.pgBossSchema } : null,
  });
  await scheduler.start();

  const shutdown = async (signal: string) => {
    say(`${signal}: shutting down`);
    stopBackups();
    await scheduler.stop();
    await app.close();
    await handle.close();
    unlock();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
  say(`Retainer (律维) ${config.version} on ${describeDatabase(dbOptions)}`);
  say(`Open http://localhost:${port}  ·  API docs http://localhost:${port}/api/docs`);
  if (demoPassword) {
    say('');
    say('A demo firm was created. Sign in with any of these accounts:');
    for (const a of DEMO_ACCOUNTS) say(`  ${a.email.padEnd(26)} ${a.role}`);
    say(
      config.demoPassword
        ? '  password: the value of RETAINER_DEMO_PASSWORD'
        : `  password: ${demoPassword}   (shown once; set RETAINER_DEMO_PASSWORD to choose it)`,
    );
  }
}

main().catch((e: unknown) => {
  if (e instanceof DataDirLocked) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Retainer failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

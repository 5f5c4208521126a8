import { parseArgs } from 'node:util';
import { roleSchema, userCreateSchema } from '@retainer/shared';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_ACCOUNTS, SCALES, type Scale } from './demo/firm.js';
import { generatePassword, isEmpty, seedDemo, wipe } from './demo/seed.js';
import { recomputeAll } from './features/classification/classification.recompute.js';
import { createUser } from './features/users/users.service.js';
import { backupNow, restoreBackup } from './plugins/backup.js';
import { systemClock } from './plugins/clock.js';
import { readConfig } from './plugins/config.js';
import { describeDatabase, openDatabase } from './plugins/db.js';
import { lockDataDir } from './plugins/lock.js';
import { dbOptionsFrom } from './plugins/runtime.js';
import { newInstanceId, runDueJobs } from './plugins/scheduler.js';
import { failInterruptedRuns } from './plugins/scheduler-runs.js';
import { appJobs } from './jobs.js';

const USAGE = `Usage: npm run cli -- <command> [options]

  migrate                               bring the database schema up to date
  seed --scale small|medium|large       load the demo firm into an empty database
       [--reset]                        (--reset first deletes ALL existing data)
  create-admin --email E --name N       create an administrator
       [--password P]                   (generated and printed when omitted)
  backup                                write a consistent backup (embedded mode)
  recompute                             reclassify every client now (K-1..K-5) and print the counts
  jobs                                  run the scheduler once: every job whose current period has not
                                        run yet (each runs once per period across all instances)
  restore FILE                          replace the database with a backup (the server must be stopped;
                                        the current database is kept as a backup first)

Environment: DATA_DIR (default ./data), DATABASE_URL (PostgreSQL), RETAINER_DEMO_PASSWORD.`;

class UsageError extends Error {}

const say = (line: string) => process.stdout.write(`${line}\n`);

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      scale: { type: 'string' },
      reset: { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    say(USAGE);
    if (!command && !values.help) throw new UsageError('no command given');
    return;
  }
  const config = readConfig();
  const dbOptions = dbOptionsFrom(config);
  const embedded = dbOptions.dialect === 'sqlite';

  if (command === 'restore') {
    const file = rest[0];
    if (!file) throw new UsageError('restore needs the backup FILE');
    if (!embedded) throw new Error('restore is for the embedded database; on PostgreSQL use pg_restore');
    const unlock = lockDataDir(config.dataDir);
    try {
      const { restored, previous } = restoreBackup(file, config.dataDir, systemClock);
      say(`Restored ${file} → ${restored}`);
      if (previous) say(`The database it replaced was kept as ${previous}`);
    } finally {
      unlock();
    }
    return;
  }

  // Backups read a consistent snapshot, so they may run beside a live server.
  const unlock = embedded && command !== 'backup' ? lockDataDir(config.dataDir) : () => {};
  const handle = openDatabase(dbOptions);
  try {
    await migrateToLatest(handle.db);
    switch (command) {
      case 'migrate':
        say(`Schema up to date on ${describeDatabase(dbOptions)}`);
        return;
      case 'seed': {
        const scale = (values.scale ?? 'small') as Scale;
        if (!SCALES.includes(scale)) throw new UsageError(`--scale must be one of ${SCALES.join(', ')}`);
        if (!(await isEmpty(handle.db))) {
          if (!values.reset) throw new UsageError('the database already has data; add --reset to delete it all and reseed');
          await wipe(handle.db);
        }
        const password = config.demoPassword ?? generatePassword();
        const started = Date.now();
        const result = await seedDemo(handle.db, scale, password);
        say(`Demo firm (${scale}): ${result.teams} teams, ${result.users} users, ${result.clients} clients, ${result.contacts} contacts, ${result.matters} matters, ${result.fees} fees, ${result.interactions} interactions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        for (const a of DEMO_ACCOUNTS) say(`  ${a.email.padEnd(26)} ${a.role}`);
        say(config.demoPassword ? '  password: the value of RETAINER_DEMO_PASSWORD' : `  password: ${password}`);
        return;
      }
      case 'create-admin': {
        const password = values.password ?? generatePassword();
        const input = userCreateSchema.safeParse({ name: values.name, email: values.email, role: roleSchema.enum.admin, password });
        if (!input.success) {
          throw new UsageError(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
        }
        const user = await createUser({ db: handle.db, clock: systemClock }, { actor: null, ip: 'cli' }, input.data);
        say(`Administrator ${user.name} <${user.email}> created.`);
        if (!values.password) say(`  password: ${password}`);
        return;
      }
      case 'recompute': {
        const started = Date.now();
        const r = await recomputeAll({ db: handle.db, clock: systemClock, config });
        say(`Classified ${r.clients} clients, ${r.changed} changed, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return;
      }
      case 'jobs': {
        // Embedded: the data directory is locked to this process, so a run left "running" was cut off.
        if (embedded) await failInterruptedRuns(handle.db, systemClock.now());
        const outcomes = await runDueJobs({ db: handle.db, clock: systemClock, config, log: say }, appJobs, `cli:${newInstanceId()}`);
        for (const o of outcomes) say(`  ${o.job.padEnd(20)} ${o.period.padEnd(18)} ${o.status === 'skipped' ? 'not due' : o.status}`);
        const failed = outcomes.filter((o) => o.status === 'failed');
        if (failed.length) throw new Error(`${failed.length} job(s) failed: ${failed.map((o) => `${o.job} (${o.error})`).join('; ')}`);
        return;
      }
      case 'backup': {
        if (!handle.sqlite) throw new Error('backup is for the embedded database; on PostgreSQL use pg_dump');
        say(`Backup written: ${await backupNow(handle.sqlite, config.dataDir, systemClock)}`);
        return;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await handle.close();
    unlock();
  }
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${e instanceof UsageError ? `${message}\n\n${USAGE}` : `Error: ${message}`}\n`);
    process.exit(1);
  },
);

// One job of bench/files.ts per process: its peak RSS (process.resourceUsage().maxRSS) is then the
// job's own. Each kind of job loads only its own modules (the floors never load the server's).
// Started with an IPC channel; gets one job, answers once, exits. A lost parent means stop.
import type { FileJob, FromFileChild } from './files-protocol.js';

function send(msg: FromFileChild): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(msg, undefined, {}, () => resolve());
  });
}

async function run(job: FileJob): Promise<unknown> {
  switch (job.type) {
    case 'generate':
      return (await import('./files-data.js')).generateFile(job.file, job.rows);
    case 'compare-exports':
      return (await import('./files-data.js')).compareExports(job.product, job.floor);
    case 'prepare':
      return (await import('./files-product.js')).prepareDatabase(job.db, job.password);
    case 'product-import':
      return (await import('./files-product.js')).productImport(job);
    case 'product-export':
      return (await import('./files-product.js')).productExport(job);
    case 'floor-import':
      return (await import('./files-floor.js')).floorImport(job.db, job.file);
    case 'floor-export':
      return (await import('./files-floor.js')).floorExport(job.db, job.file, job.timeZone);
  }
}

const fail = async (e: unknown) => {
  await send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
};

process.once('message', (job: FileJob) => {
  run(job)
    .then(async (result) => {
      await send({ type: 'result', result });
      process.exit(0);
    })
    .catch(fail);
});
process.on('disconnect', () => process.exit(1));
process.on('uncaughtException', (e) => void fail(e));
process.on('unhandledRejection', (e) => void fail(e));

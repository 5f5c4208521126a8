import { databaseFile } from './backup.js';
import type { Config } from './config.js';
import type { DbOptions } from './db.js';

export function dbOptionsFrom(config: Config): DbOptions {
  return config.databaseUrl
    ? { dialect: 'postgres', url: config.databaseUrl }
    : { dialect: 'sqlite', file: databaseFile(config.dataDir) };
}

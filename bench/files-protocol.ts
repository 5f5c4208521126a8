// Messages between bench/files.ts (the orchestrator) and bench/files-child.ts (one job per process),
// and the spreadsheet's columns. Imports nothing heavy: the floor children load this too.

/** A database the child opens: a SQLite file, or a schema of its own on PostgreSQL. */
export type FileBenchDb = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema: string };

/** What a measured job reports: wall time and memory of its own process. */
export type Measured = {
  ms: number;
  /** process.resourceUsage().maxRSS at the end of the measured work (the process's lifetime peak) */
  peakRssBytes: number;
  /** the same peak just before the measured work started (module loading, app build, sign-in) */
  setupPeakRssBytes: number;
  /** RSS when the measured work started */
  startRssBytes: number;
};

export type FileJob =
  | { type: 'generate'; file: string; rows: number }
  | { type: 'prepare'; db: FileBenchDb; password: string }
  | { type: 'product-import'; db: FileBenchDb; file: string; dataDir: string; password: string }
  | { type: 'floor-import'; db: FileBenchDb; file: string }
  | { type: 'product-export'; db: FileBenchDb; dataDir: string; password: string }
  | { type: 'floor-export'; db: FileBenchDb; file: string; timeZone: string }
  | { type: 'compare-exports'; product: string; floor: string };

export type GenerateResult = { rows: number; contacts: number; tags: number; bytes: number; ms: number };
export type ImportCounts = {
  clients: number;
  contacts: number;
  tags: number;
  grams: number;
  auditEvents: number;
  timelineEvents: number;
  /** clients and contacts whose text holds U+FFFD: characters lost on the way from the file */
  garbled: number;
};

/** The text columns an import fills, checked for U+FFFD. */
export const GARBLE_CHECK = {
  clients: ['name', 'city', 'address', 'phone', 'email', 'uscc', 'id_number', 'legal_representative'],
  contacts: ['name', 'phone'],
} as const;
export const REPLACEMENT_PATTERN = '%\uFFFD%';
export type ProductImportResult = Measured & {
  status: string;
  createdCount: number;
  errorCount: number;
  processedRows: number;
  counts: ImportCounts;
  firstErrors?: unknown[];
};
export type FloorImportResult = Measured & { rows: number; counts: ImportCounts };
export type ExportResult = Measured & { file: string; rows: number; bytes: number };
export type CompareResult = { rows: number; productRows: number; floorRows: number };

export type FileJobResult = {
  generate: GenerateResult;
  prepare: { ms: number };
  'product-import': ProductImportResult;
  'floor-import': FloorImportResult;
  'product-export': ExportResult;
  'floor-export': ExportResult;
  'compare-exports': CompareResult;
};

export type FromFileChild = { type: 'result'; result: unknown } | { type: 'error'; message: string };

/** The demo firm the bench databases hold, and whose lawyers own the file's clients. */
export const FILE_FIRM_SCALE = 'small' as const;

/** The 15 columns of the generated spreadsheet, header → import field (sent as the import's mapping). */
export const FILE_COLUMNS = [
  ['客户名称', 'name'],
  ['类型', 'kind'],
  ['统一社会信用代码', 'uscc'],
  ['身份证号', 'idNumber'],
  ['行业', 'industry'],
  ['城市', 'city'],
  ['地址', 'address'],
  ['电话', 'phone'],
  ['邮箱', 'email'],
  ['标签', 'tags'],
  ['小时费率(元)', 'hourlyRateYuan'],
  ['法定代表人', 'legalRepresentative'],
  ['主办律师邮箱', 'ownerEmail'],
  ['联系人', 'contactName'],
  ['联系人电话', 'contactPhone'],
] as const;

/**
 * GB/T 4754-2017 section letters and names, as the product's import reads and its export writes
 * them (apps/server/src/features/imports/imports.values.ts INDUSTRY_NAMES). Copied so the floors
 * need not load the server's modules; the export comparison catches any drift.
 */
export const INDUSTRY_BY_LETTER: Record<string, string> = {
  A: '农、林、牧、渔业', B: '采矿业', C: '制造业', D: '电力、热力、燃气及水生产和供应业', E: '建筑业', F: '批发和零售业',
  G: '交通运输、仓储和邮政业', H: '住宿和餐饮业', I: '信息传输、软件和信息技术服务业', J: '金融业', K: '房地产业',
  L: '租赁和商务服务业', M: '科学研究和技术服务业', N: '水利、环境和公共设施管理业', O: '居民服务、修理和其他服务业', P: '教育',
  Q: '卫生和社会工作', R: '文化、体育和娱乐业', S: '公共管理、社会保障和社会组织', T: '国际组织',
};

/**
 * Runs the measured part of a job: wall time, and the process's peak RSS at its end. The peak
 * is the process's lifetime maximum, so each measurement runs in a fresh process, and the peak
 * before the work (module loading, app build, sign-in) is reported beside it.
 */
export async function measure<T>(work: () => Promise<T>): Promise<{ value: T; measured: Measured }> {
  const setupPeakRssBytes = process.resourceUsage().maxRSS * 1024;
  const startRssBytes = process.memoryUsage().rss;
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  return { value, measured: { ms, peakRssBytes, setupPeakRssBytes, startRssBytes } };
}

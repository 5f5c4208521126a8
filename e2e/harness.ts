import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'Demo-Passw0rd!';
export const VIEWPORT = { width: 1440, height: 900 };

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The server serves apps/web/dist only if it exists when it starts. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(REPO_ROOT, 'apps/web/dist/index.html'))) return;
  const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`building the web app failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Start the real server on a free port with a fresh data directory (seeded with the demo firm). */
export async function startServer(): Promise<RunningServer> {
  ensureWebBuilt();
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'retainer-e2e-'));
  // embedded SQLite in the fresh directory, whatever the caller's environment says
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, RETAINER_DEMO_PASSWORD: DEMO_PASSWORD };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited === undefined) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`the server exited (code ${exited}) before answering /api/health:\n${stderr}\n${stdout}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return { baseUrl, dataDir, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the server did not answer /api/health within 60 s:\n${stderr}\n${stdout}`);
}

/** Headless Chromium; a missing browser is a failure, never a skip. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. The browser tests cannot run without it.`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * One server and one browser per test file: started before its tests, stopped after them.
 * withPage gives each test its own browser context (cookies, storage) and closes it afterwards.
 */
export function useBrowserApp() {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const running = () => {
    if (!server || !browser) throw new Error('the browser harness did not start');
    return { server, browser };
  };
  return {
    running,
    baseUrl: () => running().server.baseUrl,
    async withPage(run: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
      const { server: s, browser: b } = running();
      const context = await newContext(b, s.baseUrl);
      try {
        await run(await context.newPage(), context);
      } finally {
        await context.close();
      }
    },
  };
}

export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** Sign in through the login page (Enter submits). */
export async function loginUi(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  // back only once the server has answered (and set the session cookie, when it accepted): a
  // navigation right after must not race the sign-in
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST'),
    page.getByTestId('login-password').press('Enter'),
  ]);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@retainer.test`;
}

/** A signed-in API session for arranging data (cookie + CSRF token). */
export class ApiSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: email, password }),
    });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return new ApiSession(baseUrl, cookie, body.csrfToken);
  }

  async request<T>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url} failed: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  /** A fresh user with the demo password, so a test never shares an account's state. */
  async createUser(role: string, prefix = role): Promise<{ id: string; email: string; name: string }> {
    const email = uniqueEmail(prefix);
    const name = `测试${prefix}${Math.random().toString(36).slice(2, 6)}`;
    return this.request('POST', '/users', { name, email, role, password: DEMO_PASSWORD });
  }
}

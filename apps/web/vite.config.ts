import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type PluginOption } from 'vite';

// Vendor chunks by library family so no chunk crosses the size warning.
const CHUNKS: { name: string; test: RegExp; priority: number }[] = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
  { name: 'vendor', test: /node_modules[\\/](zod|i18next|react-i18next|@tanstack|dayjs)[\\/]/, priority: 20 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^/\\]+)[\\/]/, priority: 10 },
];

/** Vite 8 bundles with Rolldown (codeSplitting groups), Vite 7 with Rollup (manualChunks). */
function vendorChunks(): Plugin {
  return {
    name: 'retainer:vendor-chunks',
    config() {
      const meta = (this as { meta?: object } | undefined)?.meta;
      const output =
        meta && 'rolldownVersion' in meta
          ? { codeSplitting: { groups: CHUNKS } }
          : { manualChunks: (id: string) => CHUNKS.find((c) => c.test.test(id))?.name };
      return { build: { rollupOptions: { output: output as object } } };
    },
  };
}

// The server serves dist/ at / (SPA fallback) and the API under /api on the same origin.
export default defineConfig({
  // plugin-react is hoisted beside the root's vite (a vitest dependency); its types name that copy
  plugins: [react() as unknown as PluginOption, vendorChunks()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships explanatory comments next to @__PURE__ that Rollup reports and drops
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});

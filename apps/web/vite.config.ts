import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';

// The server serves dist/ at / (SPA fallback) and the API under /api on the same origin.
export default defineConfig({
  // plugin-react is hoisted beside the root's vite (a vitest dependency); its types name that copy
  plugins: [react() as unknown as PluginOption],
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
      output: {
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          if (/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+)\//.test(id)) return 'antd';
          if (/node_modules\/(zod|i18next|react-i18next|@tanstack|dayjs)\//.test(id)) return 'vendor';
          return undefined;
        },
      },
    },
  },
});

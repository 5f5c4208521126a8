import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at / (SPA fallback) and the API under /api on the same origin.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          if (/node_modules\/(@ant-design\/icons|@ant-design\/icons-svg)\//.test(id)) return 'antd-icons';
          if (/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+)\//.test(id)) return 'antd';
          if (/node_modules\/(zod|i18next|react-i18next|@tanstack|dayjs)\//.test(id)) return 'vendor';
          return undefined;
        },
      },
    },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vendor chunks by library family so no chunk crosses the size warning.
const CHUNKS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
  { name: 'vendor', test: /node_modules[\\/](zod|i18next|react-i18next|@tanstack|dayjs)[\\/]/, priority: 20 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^/\\]+)[\\/]/, priority: 10 },
];

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
    rolldownOptions: {
      output: { codeSplitting: { groups: CHUNKS } },
    },
  },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Two apps from one build: the staff app at / and the partner PWA at /p/. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: { staff: resolve('web/index.html'), partner: resolve('web/p/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

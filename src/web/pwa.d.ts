// The service worker's registration module, written by vite-plugin-pwa at build time (vite.config.ts).
/// <reference types="vite-plugin-pwa/client" />

// The console is static files; `vite preview` serves them and passes every Connect call (paths
// /aivo.<package>.<Service>/<Method>) on to the gateway, so the browser talks to one origin and no CORS
// is needed. GATEWAY_URL says where the gateway is.
import { defineConfig } from "vite";

const gateway = { "^/aivo\\.": { target: process.env.GATEWAY_URL ?? "http://127.0.0.1:4000" } };

export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: "dist", emptyOutDir: true },
  server: { proxy: gateway },
  preview: { proxy: gateway },
});

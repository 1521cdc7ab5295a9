import { defineConfig } from "vite";
import preact from "@preact/preset-vite";

// `npm run dev` serves the app with hot reload and sends the API to a gateway started by `make up`
// (GATEWAY_PORT, 8080 by default); `npm run build` writes dist/, which the gateway serves.
const gateway = `http://localhost:${process.env.GATEWAY_PORT ?? "8080"}`;

export default defineConfig({
  plugins: [preact()],
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 400 },
  server: { proxy: { "/api": gateway, "/openapi": gateway } },
});

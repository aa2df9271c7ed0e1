// Builds the Tomatoes card into the one module the integration ships, reproducibly:
//   node build.mjs           writes custom_components/tomatoes/frontend/tomatoes-card.js
//   node build.mjs --check   fails when the committed file differs from a fresh build
//   node build.mjs --tests   bundles test/*.test.ts for Node's test runner (build/test)
// Same sources, same pinned packages (package-lock.json): byte for byte the same file.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const output = join(repo, "custom_components", "tomatoes", "frontend", "tomatoes-card.js");
const manifest = JSON.parse(
  readFileSync(join(repo, "custom_components", "tomatoes", "manifest.json"), "utf8"),
);
const mode = process.argv[2] ?? "";

if (mode === "--tests") {
  const tests = readdirSync(join(here, "test")).filter((name) => name.endsWith(".test.ts"));
  await build({
    absWorkingDir: here,
    entryPoints: tests.map((name) => join("test", name)),
    outdir: join("build", "test"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  process.exit(0);
}

const result = await build({
  absWorkingDir: here,
  entryPoints: ["src/tomatoes-card.ts"],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  charset: "utf8",
  define: { __VERSION__: JSON.stringify(manifest.version) },
  banner: {
    js: `/* Tomatoes card ${manifest.version}. Built from frontend/ by scripts/build_card; edit the sources, not this file. */`,
  },
  write: false,
  logLevel: "warning",
});
const built = result.outputFiles[0].contents;
const shown = relative(repo, output);

if (mode === "--check") {
  const committed = existsSync(output) ? readFileSync(output) : Buffer.alloc(0);
  if (!Buffer.from(built).equals(committed)) {
    console.error(`${shown} does not match its sources: run scripts/build_card and commit it.`);
    process.exit(1);
  }
  console.log(`${shown} matches its sources (${built.length} bytes).`);
} else if (mode === "") {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(output, built);
  console.log(`${shown}: ${built.length} bytes.`);
} else {
  console.error("usage: node build.mjs [--check | --tests]");
  process.exit(2);
}

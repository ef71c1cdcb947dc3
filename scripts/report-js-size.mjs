// After `remix vite:build`: the JavaScript each route ships (gzip), from the Vite manifest.
// Budget (issue #2): at most 100 KB on a content page (booking steps 150 KB, staff pages 175 KB: see the end). Exits
// non-zero when a page is over its budget.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const client = path.join(root, "build/client");
const manifestFile = fs
  .readdirSync(path.join(client, "assets"))
  .find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) {
  console.error("no Remix manifest in build/client/assets");
  process.exit(1);
}
const source = fs.readFileSync(path.join(client, "assets", manifestFile), "utf8");
const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1));

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(path.join(client, file.replace(/^\//, "")))).length;
const sizes = new Map();
const sizeOf = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSize(file));
  return sizes.get(file);
};

/** Files a page loads: the entry and root (always), its route chain, and their imports. */
function filesFor(routeId) {
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  let id = routeId;
  while (id) {
    const route = manifest.routes[id];
    files.add(route.module);
    (route.imports ?? []).forEach((f) => files.add(f));
    id = route.parentId;
  }
  return files;
}

// The route manifest a page carries. With v3_lazyRouteDiscovery (remix.config.js) a page neither imports nor
// preloads the whole manifest file (@remix-run/react's <Scripts> leaves it out under "fog of war"): the server writes
// the part the URL matches into the page's own inline script, and the client asks /__manifest for more as links
// appear. That part is measured here: the entry and the page's route chain, as JSON, gzipped (for /library the
// page's real inline manifest gzips to 0.6 KB; the whole file is ~5.7 KB).
const routeChain = (routeId) => {
  const chain = [];
  for (let id = routeId; id; id = manifest.routes[id].parentId) chain.push(manifest.routes[id]);
  return chain;
};
const partialManifestBytes = (routeId) =>
  zlib.gzipSync(JSON.stringify({ entry: manifest.entry, routes: Object.fromEntries(routeChain(routeId).map((r) => [r.id, r])), url: manifest.url, version: manifest.version })).length;

const budgetKb = 100;
const rows = Object.keys(manifest.routes)
  // A page registered twice (with and without the language segment, remix.config.js) ships the same files: listed once.
  .filter((id) => id !== "root" && !id.startsWith("routes/api.") && !id.startsWith("lang/"))
  .map((id) => {
    const total = [...filesFor(id)].reduce((sum, f) => sum + sizeOf(f), 0) + partialManifestBytes(id);
    return { route: id, kb: total / 1024 };
  })
  .sort((a, b) => b.kb - a.kb);

console.log("\nJavaScript shipped per page (gzip, with the page's part of the route manifest; a page's messages travel as loader data):");
for (const r of rows) console.log(`  ${r.kb.toFixed(1).padStart(6)} KB  ${r.route}`);
// Also kept with the other figures (bench/results.json, key "javascript").
const resultsFile = path.join(root, "bench/results.json");
let results = {};
try {
  results = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
} catch {
  // first run
}
results.javascript = { measuredAt: new Date().toISOString(), budgetKb, pages: rows.map((r) => ({ route: r.route, kb: +r.kb.toFixed(1) })) };
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));

// Budgets (docs/decisions/0011-react-aria-components.md): content pages 100 KB; the booking steps, which carry the
// seat-hold dialog, 150 KB; staff pages, which carry React Aria's table and date fields, 175 KB. Other cinema and
// devices pages are reported but not held to a budget here.
const budgetFor = (route) =>
  route.includes(".admin") ? { kb: 175, kind: "staff" } : route.includes("_.book.") ? { kb: 150, kind: "booking" } : /cinema|devices\./.test(route) ? null : { kb: budgetKb, kind: "content" };
const over = rows.filter((r) => {
  const budget = budgetFor(r.route);
  return budget && r.kb > budget.kb;
});
if (over.length) {
  console.error(`\n✗ over budget: ${over.map((r) => `${r.route} (${r.kb.toFixed(1)} KB, ${budgetFor(r.route).kind} budget ${budgetFor(r.route).kb} KB)`).join(", ")}`);
  process.exit(1);
}
console.log(`✓ every content page is within ${budgetKb} KB, every booking step within 150 KB, every staff page within 175 KB\n`);

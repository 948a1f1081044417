// Builds Senco's front-end into src/Senco.Web/wwwroot/dist/ (git-ignored):
//   senco.css (+ .map)            frontend/scss/senco.scss compiled with dart-sass
//   govuk-frontend.min.js (+ .map) govuk-frontend's ES module build, imported by wwwroot/js/senco.js
//   assets/…                       any govuk-frontend asset senco.css refers to (never the crown)
//   favicon.svg                    Senco's own icon
// Run with `npm run build`. Frontend.targets runs it before `dotnet build` when an input changed.

import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const govuk = path.join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const out = path.join(root, "src", "Senco.Web", "wwwroot", "dist");
const started = Date.now();

if (!existsSync(govuk)) {
  console.error("govuk-frontend is not installed: run `npm ci` in the repository root first.");
  process.exit(1);
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

// 1. Stylesheet. quietDeps keeps govuk-frontend's own deprecation notices out of our output;
//    warnings from Senco's own SCSS still show.
let result;
try {
  result = sass.compile(path.join(root, "frontend", "scss", "senco.scss"), {
    loadPaths: [path.join(root, "node_modules", "govuk-frontend", "dist")],
    style: "compressed",
    sourceMap: true,
    sourceMapIncludeSources: true,
    quietDeps: true,
  });
} catch (error) {
  // A Sass error's message already names the file, line and column: show that, not a stack trace.
  console.error(`error: frontend/scss failed to compile\n${error.message ?? error}`);
  process.exit(1);
}
const map = result.sourceMap;
map.sources = map.sources.map((s) =>
  s.startsWith("file:") ? path.relative(out, fileURLToPath(s)).split(path.sep).join("/") : s,
);
await writeFile(path.join(out, "senco.css"), `${result.css}\n/*# sourceMappingURL=senco.css.map */\n`);
await writeFile(path.join(out, "senco.css.map"), JSON.stringify(map));

// 2. govuk-frontend's JavaScript, the ES module build (senco.js imports initAll from it).
for (const file of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  await copyFile(path.join(govuk, file), path.join(out, file));
}

// 3. Assets the stylesheet refers to. The crown and crest belong to government services only:
//    never copy them (the footer component's crest rule stays unused because the layout has no crest).
const reserved = /crown|crest|govuk-icon|govuk-opengraph|favicon/;
const referenced = new Set(
  [...result.css.matchAll(/url\(\s*["']?\/dist\/assets\/([^"')?#]+)/g)].map((m) => m[1]),
);
for (const asset of referenced) {
  if (reserved.test(asset)) continue;
  const from = path.join(govuk, "assets", asset);
  if (!existsSync(from)) {
    console.warn(`warning: senco.css refers to /dist/assets/${asset}, which govuk-frontend does not ship`);
    continue;
  }
  await mkdir(path.dirname(path.join(out, "assets", asset)), { recursive: true });
  await copyFile(from, path.join(out, "assets", asset));
}

// 4. Favicon: a deep-teal rounded square with a white "S" (drawn as a path, so no font is needed).
const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#00594f"/>
<path d="M21.5 10.6c-1.3-1.5-3.2-2.3-5.4-2.3-3.3 0-5.6 1.8-5.6 4.4 0 2.7 2.2 3.7 5.1 4.4 2.4.6 3.3 1.1 3.3 2.2 0 1.2-1.2 2-3 2-1.9 0-3.5-.8-4.6-2.2l-2 2.2c1.5 1.8 3.9 2.8 6.6 2.8 3.6 0 6-1.9 6-4.8 0-2.8-2.1-3.8-5.3-4.5-2.2-.5-3.1-1-3.1-2 0-1 1-1.7 2.6-1.7 1.5 0 2.8.6 3.7 1.7z" fill="#fff"/>
</svg>
`;
await writeFile(path.join(out, "favicon.svg"), favicon);

const css = await readFile(path.join(out, "senco.css"));
console.log(
  `Built wwwroot/dist: senco.css ${(css.length / 1024).toFixed(0)} KiB, govuk-frontend.min.js, favicon.svg` +
    (referenced.size ? `, ${referenced.size} asset reference(s) checked` : "") +
    ` in ${Date.now() - started} ms`,
);

/**
 * An offline flame graph of a `.cpuprofile`, with speedscope's offline build (a dependency of this kit, no
 * network): as speedscope's own CLI does, a script next to the profile hands the profile to the page
 * (`speedscope.loadFileFromBase64(name, base64)`), and speedscope's `index.html#localProfilePath=<script>`
 * loads it. A small HTML page beside them redirects there, for file managers and `open` commands that drop
 * the `#…` part of a URL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FlameGraph {
  /** The script that hands the profile to speedscope (`<profile>.speedscope.js`). */
  scriptPath: string;
  /** A page that redirects to `url` (`<profile>.flamegraph.html`). */
  htmlPath: string;
  /** speedscope's offline index.html, with the script in `#localProfilePath=…`: open it in a browser. */
  url: string;
}

/** speedscope's offline build (dist/release/index.html), resolved from this kit's dependencies. */
export function speedscopeIndex(): string {
  const pkg = createRequire(import.meta.url).resolve('speedscope/package.json');
  return join(dirname(pkg), 'dist', 'release', 'index.html');
}

/** Writes the loader script and the redirect page next to `profilePath`; returns where they are and the URL to open. */
export function writeFlameGraph(profilePath: string, index = speedscopeIndex()): FlameGraph {
  const base = profilePath.replace(/\.cpuprofile$/, '');
  const scriptPath = `${base}.speedscope.js`;
  const htmlPath = `${base}.flamegraph.html`;
  const name = basename(profilePath);
  const base64 = readFileSync(profilePath).toString('base64');
  writeFileSync(scriptPath, `speedscope.loadFileFromBase64(${JSON.stringify(name)}, ${JSON.stringify(base64)});\n`);
  // speedscope decodes the hash value and loads `file:///${path}`; left-heavy merges the same stacks into one
  // flame graph (what a load profile needs), Time Order shows them as sampled.
  const url = `${pathToFileURL(index).href}#localProfilePath=${encodeURIComponent(scriptPath)}&title=${encodeURIComponent(name)}&view=left-heavy`;
  writeFileSync(
    htmlPath,
    `<!doctype html>\n<meta charset="utf-8">\n<title>${name}: flame graph</title>\n` +
      `<script>window.location.replace(${JSON.stringify(url)});</script>\n` +
      `<p>Opening <a href="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">speedscope</a> with ${name} …</p>\n`,
  );
  return { scriptPath, htmlPath, url };
}

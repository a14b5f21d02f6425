// The text a reader copies from Firefox's PDF viewer (pdf.js): each page's text items in content order, a line
// break where pdf.js marks the end of a line (hasEOL), pages separated by a blank line.
// PDFJS_DIST: the folder holding pdfjs-dist (npm install --prefix DIR pdfjs-dist), else resolved from here.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const dist = process.env.PDFJS_DIST
  ? pathToFileURL(process.env.PDFJS_DIST + "/node_modules/pdfjs-dist/legacy/build/pdf.mjs").href
  : "pdfjs-dist/legacy/build/pdf.mjs";
const { getDocument } = await import(dist);
const [input, output] = process.argv.slice(2);
const doc = await getDocument({ data: new Uint8Array(readFileSync(input)), verbosity: 0 }).promise;
let out = "";
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  for (const item of content.items) {
    if (!("str" in item)) continue;
    out += item.str;
    if (item.hasEOL) out += "\n";
  }
  out += "\n\n";
}
writeFileSync(output, out);

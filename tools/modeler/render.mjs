// Renders every bpmn/*.bpmn to docs/processes/<name>.svg with bpmn-js's viewer in headless Chromium, so the
// pictures in the docs are drawn from the models themselves (their DI), as Camunda Modeler draws them.
// Usage: npm run render --prefix tools/modeler   (CHROMIUM=/path/to/chromium to use another browser)
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..');
const models = join(repository, 'bpmn');
const pictures = join(repository, 'docs', 'processes');
const viewer = createRequire(import.meta.url).resolve('bpmn-js/dist/bpmn-viewer.production.min.js');

/** bpmn-js names its arrow-head markers at random: number them in order, so an unchanged model renders the same. */
function numberMarkers(svg) {
  const numbers = new Map();
  return svg.replace(/marker-[a-z0-9]{10,}/g, id => {
    if (!numbers.has(id)) {
      numbers.set(id, `marker-${numbers.size + 1}`);
    }
    return numbers.get(id);
  });
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // Chromium's sandbox needs user namespaces, which containers (CI, this build's machines) often lack.
  args: ['--no-sandbox', '--disable-gpu']
});
try {
  const page = await browser.newPage();
  page.on('pageerror', error => { throw error; });
  await page.setContent('<!doctype html><html><body><div id="canvas" style="width:4000px;height:3000px"></div></body></html>');
  await page.addScriptTag({ path: viewer });
  await mkdir(pictures, { recursive: true });
  const names = (await readdir(models)).filter(name => name.endsWith('.bpmn')).sort();
  if (names.length === 0) {
    throw new Error(`no models in ${models}`);
  }
  for (const name of names) {
    const xml = await readFile(join(models, name), 'utf8');
    const result = await page.evaluate(async xml => {
      const canvas = document.getElementById('canvas');
      canvas.innerHTML = '';
      const bpmnViewer = new window.BpmnJS({ container: canvas });
      const { warnings } = await bpmnViewer.importXML(xml);
      const { svg } = await bpmnViewer.saveSVG();
      bpmnViewer.destroy();
      return { svg, warnings: warnings.map(warning => warning.message) };
    }, xml);
    if (result.warnings.length > 0) {
      throw new Error(`${name}: bpmn-js could not import the model cleanly:\n  ${result.warnings.join('\n  ')}`);
    }
    const picture = join(pictures, basename(name, '.bpmn') + '.svg');
    await writeFile(picture, numberMarkers(result.svg) + '\n');
    console.log(`${name} -> ${picture.substring(repository.length + 1)}`);
  }
} finally {
  await browser.close();
}

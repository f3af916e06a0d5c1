// Loads an exported index.html in headless Chromium (the system's, via playwright-core),
// blocks every non-local request, runs axe-core (WCAG 2 A/AA) and takes screenshots.
// Usage: node page_check.js TOOLS_DIR PAGE.html SHOT_PREFIX|- [WIDTH...]
// Prints one JSON object: {violations: [...], shots: [...], blocked: [...]}
const path = require('path');
const [toolsArg, page, shotPrefix, ...widthArgs] = process.argv.slice(2);
const toolsDir = path.resolve(toolsArg);
const { chromium } = require(path.join(toolsDir, 'node_modules', 'playwright-core'));
const axePath = path.join(toolsDir, 'node_modules', 'axe-core', 'axe.min.js');
const widths = widthArgs.length ? widthArgs.map(Number) : [1280];

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const result = { violations: [], shots: [], blocked: [] };
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:')) {
        return route.continue();
      }
      result.blocked.push(url);
      return route.abort();
    });
    const tab = await context.newPage();
    for (const width of widths) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto('file://' + path.resolve(page), { waitUntil: 'load' });
      if (shotPrefix !== '-') {
        const file = `${shotPrefix}-${width}.png`;
        await tab.screenshot({ path: file, fullPage: true });
        result.shots.push(file);
      }
      await tab.addScriptTag({ path: axePath });
      const axe = await tab.evaluate(async () => {
        // eslint-disable-next-line no-undef
        return await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
      });
      for (const v of axe.violations) {
        result.violations.push({ width, id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) });
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result));
})().catch((err) => { console.error(String(err && err.stack || err)); process.exit(2); });

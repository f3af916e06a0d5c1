// The XSS oracle: loads pages in headless Chromium (the system's, via playwright-core) and
// reports anything that ran or left: dialogs, scripts the page itself ran (every script
// Chromium parses is seen through the DevTools protocol; the oracle's own code is marked),
// requests to anything but the page's own folder, and where clicking each link would go.
// After load it fires every common event on every element and clicks every link.
// Usage: node xss_oracle.js TOOLS_DIR PAGES.json   (a JSON list of absolute .html paths)
// Prints one JSON list: [{page, dialogs, scripts, requests, navigations, links, events}]
const fs = require('fs');
const path = require('path');
const [toolsArg, listFile] = process.argv.slice(2);
const { chromium } = require(path.join(path.resolve(toolsArg), 'node_modules', 'playwright-core'));
const MARK = '/*byline-oracle*/';
const EVENTS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseover', 'mouseenter',
  'pointerdown', 'focus', 'blur', 'focusin', 'keydown', 'input', 'change', 'submit', 'load',
  'error', 'scroll', 'copy', 'drag', 'drop', 'toggle', 'animationstart', 'transitionend',
  'invalid', 'begin', 'play', 'pageshow', 'hashchange', 'message', 'beforeprint'];

// Playwright's own helpers run in the page's world too; they are recognisable by their text.
function ours(source) {
  const text = source.trim();
  return !text || text.includes(MARK) || text.startsWith('((utilityScript, ...args) =>')
    || /^\(\(\) => \{\s*const module = \{\};\s*var __commonJS/.test(text);
}

(async () => {
  const pages = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  try {
    // One tab for every page (a new context per page costs more than the checks themselves);
    // each page's findings go to `r`, which is swapped before the page is loaded.
    let r = null;
    let folder = '';
    let clicking = false;
    const context = await browser.newContext();
    const tab = await context.newPage();
    await context.route('**/*', (route) => {
      const req = route.request();
      const url = req.url();
      if (clicking && req.isNavigationRequest() && req.frame() === tab.mainFrame()) {
        r.navigations.push(url);
        return route.fulfill({ status: 204 }); // no content: the page stays, no error page
      }
      if (url.startsWith(folder) || url === 'about:blank') return route.continue();
      r.requests.push(url);
      return route.abort();
    });
    tab.on('dialog', (d) => { r.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
    tab.on('popup', (p) => { r.requests.push('popup: ' + p.url()); p.close().catch(() => {}); });
    const cdp = await context.newCDPSession(tab);
    let parsed = [];
    cdp.on('Debugger.scriptParsed', (e) => {
      const aux = e.executionContextAuxData || {};
      if (aux.isDefault === false) return; // Playwright's own utility world
      parsed.push(e.scriptId);
    });
    await cdp.send('Debugger.enable');
    for (const page of pages) {
      folder = 'file://' + path.dirname(page) + '/';
      r = { page, dialogs: [], scripts: [], requests: [], navigations: [], links: 0, events: 0 };
      clicking = false;
      parsed = [];
      try {
        await tab.goto('file://' + page, { waitUntil: 'load', timeout: 15000 });
        r.events = await tab.evaluate(`${MARK}(() => {
          let fired = 0;
          for (const el of document.querySelectorAll('*')) {
            for (const type of ${JSON.stringify(EVENTS)}) {
              try { el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true })); fired++; } catch (e) {}
            }
            try { el.focus(); } catch (e) {}
          }
          for (const d of document.querySelectorAll('details')) d.open = true;
          return fired;
        })()`);
        clicking = true;
        // One click per round trip: a pending navigation would cancel the clicks after it.
        const SELECTOR = 'a[href], area[href], [formaction], form[action]';
        r.links = await tab.evaluate(`${MARK}document.querySelectorAll(${JSON.stringify(SELECTOR)}).length`);
        for (let i = 0; i < r.links; i++) {
          await tab.evaluate(`${MARK}(() => {
            const el = document.querySelectorAll(${JSON.stringify(SELECTOR)})[${i}];
            if (!el) return;
            if (el.tagName === 'FORM') el.requestSubmit(); else el.click();
          })()`).catch(() => {});
        }
        await tab.waitForTimeout(20); // let the clicks' navigations reach the router
      } catch (err) {
        r.error = String(err && err.message || err).split('\n')[0];
      }
      for (const id of parsed) {
        try {
          const { scriptSource } = await cdp.send('Debugger.getScriptSource', { scriptId: id });
          if (ours(scriptSource)) continue;
          r.scripts.push(scriptSource.slice(0, 120));
        } catch (e) { /* gone with its frame */ }
      }
      results.push(r);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
})().catch((err) => { console.error(String(err && err.stack || err)); process.exit(2); });

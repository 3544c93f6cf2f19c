#!/usr/bin/env node
// Renders every card template with every sample (cards/samples/<template>[.<variant>].<fr|en>.json)
// in headless Chromium, with the Microsoft Teams light and dark host configs, and writes one PNG per
// sample and theme: <out>/<sample>.<light|dark>.png.
//
//   node render.js [--out DIR] [--width PX] [--only TEXT]
//
// Templates are expanded with adaptivecards-templating (the parity test proves the bot's binder gives
// the same cards) and rendered by adaptivecards 3.0.6, the renderer of Teams on the web.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const ACData = require('adaptivecards-templating');
const { launchChromium } = require('./chromium');

const root = path.resolve(__dirname, '..', '..');
const cardsDir = path.join(root, 'cards');
const samplesDir = path.join(cardsDir, 'samples');
const acDist = path.join(__dirname, 'node_modules', 'adaptivecards', 'dist');

// Teams' chat canvas behind a bot's message, per theme.
const themes = {
  light: { hostConfig: 'microsoft-teams-light.json', page: '#f5f5f5', border: '#e0e0e0' },
  dark: { hostConfig: 'microsoft-teams-dark.json', page: '#1f1f1f', border: '#3d3d3d' },
};

function parseArgs(args) {
  const options = { out: path.join(root, 'artifacts', 'cards'), width: 448, only: '' };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') options.out = path.resolve(args[++i]);
    else if (args[i] === '--width') options.width = Number(args[++i]);
    else if (args[i] === '--only') options.only = args[++i];
    else throw new Error(`unknown argument ${args[i]}`);
  }
  return options;
}

function samples(only) {
  return fs.readdirSync(samplesDir)
    .filter(f => f.endsWith('.json') && f.includes(only))
    .sort()
    .map(f => {
      const name = f.slice(0, -'.json'.length);
      const template = name.split('.')[0];
      const tpl = JSON.parse(fs.readFileSync(path.join(cardsDir, `${template}.json`), 'utf8'));
      const data = JSON.parse(fs.readFileSync(path.join(samplesDir, f), 'utf8'));
      return { name, card: new ACData.Template(tpl).expand({ $root: data }) };
    });
}

// The page: the renderer's script and styles, and a function that renders one card in place.
function pageHtml(width) {
  return `<!doctype html><html><head><meta charset="utf-8">
<style>
  body { margin: 0; padding: 16px; font-family: 'Segoe UI', system-ui, sans-serif; }
  #frame { width: ${width}px; border-radius: 4px; overflow: hidden; border: 1px solid transparent; }
</style></head><body><div id="frame"><div id="card"></div></div></body></html>`;
}

async function renderAll(options) {
  const list = samples(options.only);
  if (list.length === 0) throw new Error(`no samples in ${samplesDir}${options.only ? ` matching "${options.only}"` : ''}`);
  fs.mkdirSync(options.out, { recursive: true });
  const browser = await launchChromium(chromium);
  const written = [];
  try {
    const page = await browser.newPage({ viewport: { width: options.width + 64, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(pageHtml(options.width));
    await page.addStyleTag({ path: path.join(acDist, 'adaptivecards.css') });
    await page.addScriptTag({ path: path.join(acDist, 'adaptivecards.min.js') });
    for (const [theme, look] of Object.entries(themes)) {
      const hostConfig = JSON.parse(fs.readFileSync(path.join(__dirname, 'hostconfigs', look.hostConfig), 'utf8'));
      for (const { name, card } of list) {
        const problems = await page.evaluate(({ card, hostConfig, look }) => {
          document.body.style.background = look.page;
          document.getElementById('frame').style.borderColor = look.border;
          const target = document.getElementById('card');
          target.replaceChildren();
          const ac = new AdaptiveCards.AdaptiveCard();
          ac.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
          const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
          ac.parse(card, context);
          target.appendChild(ac.render());
          const events = [];
          for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
          return events;
        }, { card, hostConfig, look });
        const file = path.join(options.out, `${name}.${theme}.png`);
        await page.locator('#frame').screenshot({ path: file });
        written.push(file);
        if (problems.length) process.stderr.write(`${name} (${theme}): ${problems.join('; ')}\n`);
      }
    }
  } finally {
    await browser.close();
  }
  return written;
}

renderAll(parseArgs(process.argv.slice(2)))
  .then(files => {
    for (const f of files) process.stdout.write(`${path.relative(process.cwd(), f)}\n`);
    process.stdout.write(`${files.length} PNGs\n`);
  })
  .catch(e => {
    process.stderr.write(`render.js: ${e.stack || e}\n`);
    process.exitCode = 1;
  });

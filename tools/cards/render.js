#!/usr/bin/env node
// Renders every card template with every sample (cards/samples/<template>[.<variant>].<fr|en>.json)
// in headless Chromium, with the Microsoft Teams light and dark host configs, on the page fit.js
// measures (card-page.js), and writes one PNG per sample and theme: <out>/<sample>.<light|dark>.png.
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
const { WIDTHS, THEMES, openCardPage } = require('./card-page');

const root = path.resolve(__dirname, '..', '..');
const cardsDir = path.join(root, 'cards');
const samplesDir = path.join(cardsDir, 'samples');

function parseArgs(args) {
  const options = { out: path.join(root, 'artifacts', 'cards'), width: WIDTHS.teams, only: '' };
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

async function renderAll(options) {
  const list = samples(options.only);
  if (list.length === 0) throw new Error(`no samples in ${samplesDir}${options.only ? ` matching "${options.only}"` : ''}`);
  fs.mkdirSync(options.out, { recursive: true });
  const browser = await launchChromium(chromium);
  const written = [];
  try {
    const page = await openCardPage(browser);
    for (const theme of Object.keys(THEMES)) {
      for (const { name, card } of list) {
        const problems = await page.evaluate(({ card, theme, width }) => window.renderCard(card, theme, width), { card, theme, width: options.width });
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

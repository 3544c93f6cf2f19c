#!/usr/bin/env node
// Checks that cards fit Teams' card width: draws each card in headless Chromium (card-page.js: the
// Teams host configs, DejaVu Sans) at every width and theme, and reports every button, text block,
// fact set or input whose text is cut off (scrollWidth > clientWidth where the overflow is hidden) or
// that sticks out of the card. One browser and one page draw every card.
//
//   node fit.js [--widths 446,320] [--themes light,dark] [--shots DIR] [cards.json]
//       cards from the file, or stdin: [{ "name": "...", "language": "fr" | "en", "card": {...} }, ...]
//
// Prints { "cards", "renders", "font", "failed", "problems": [{ "name", "language", "width", "theme",
//          "kind", "text", "needed", "available" }] } and exits 0 when nothing is cut off, 1 when
// something is, 2 on bad input. --shots saves a PNG of each card that failed (at most 20).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { launchChromium } = require('./chromium');
const { WIDTHS, FONT, THEMES, openCardPage } = require('./card-page');

function parseArgs(args) {
  const options = { widths: [WIDTHS.teams, WIDTHS.phone], themes: Object.keys(THEMES), shots: '', input: undefined };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--widths') options.widths = args[++i].split(',').map(Number);
    else if (args[i] === '--themes') options.themes = args[++i].split(',');
    else if (args[i] === '--shots') options.shots = path.resolve(args[++i]);
    else if (args[i].startsWith('--')) throw new Error(`unknown argument ${args[i]}`);
    else options.input = args[i];
  }
  if (options.widths.some(w => !(w > 0))) throw new Error('--widths takes pixel widths, e.g. 446,320');
  if (options.themes.some(t => !(t in THEMES))) throw new Error(`--themes takes ${Object.keys(THEMES).join(', ')}`);
  return options;
}

// Runs in the page: draws every card at one width and theme and measures what is cut off.
function measureAll({ cards, theme, width }) {
  // What a person reads, for the element that holds the text: a button, a text block, a fact set, an input.
  const owners = 'button, [role=button], .ac-textBlock, .ac-richTextBlock, .ac-factset, .ac-input, .ac-input-container, label';
  const kindOf = el => {
    if (el.matches('button')) return 'button';
    if (el.matches('[role=button]')) return 'selectable';
    if (el.matches('.ac-factset') || el.closest('.ac-factset')) return 'fact set';
    if (el.matches('.ac-textBlock, .ac-richTextBlock')) return 'text';
    if (el.matches('.ac-input, .ac-input-container, label')) return 'input';
    return el.className ? `element .${String(el.className).split(' ')[0]}` : el.tagName.toLowerCase();
  };
  const textOf = el => (el.getAttribute('aria-label') || el.innerText || '').replace(/\s+/g, ' ').trim();

  const results = [];
  for (const { index, card } of cards) {
    window.renderCard(card, theme, width);
    const root = document.querySelector('#card .ac-adaptiveCard');
    const bounds = root.getBoundingClientRect();
    const found = new Map();
    const report = (el, needed, available) => {
      const owner = el.closest(owners) || el;
      if (found.has(owner)) return;
      found.set(owner, { index, kind: kindOf(owner), text: textOf(owner).slice(0, 160), needed: Math.ceil(needed), available: Math.floor(available) });
    };
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (el.clientWidth === 0 && el.getBoundingClientRect().width === 0) continue;
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
        // The element hides part of what is inside it: blame the innermost descendant that is wider than it.
        let culprit = el;
        for (const inner of el.querySelectorAll('*')) {
          if (inner.getBoundingClientRect().right > el.getBoundingClientRect().right + 1 && inner.innerText) culprit = inner;
        }
        report(culprit === el ? el : culprit, el.scrollWidth, el.clientWidth);
      }
      const rect = el.getBoundingClientRect();
      if (el !== root && rect.width > 0 && (rect.right > bounds.right + 1 || rect.left < bounds.left - 1)) {
        report(el, rect.width, bounds.width);
      }
    }
    // Report the innermost owner only: a cut-off button inside a container that is then too wide counts once.
    for (const [owner, problem] of found) {
      if (![...found.keys()].some(other => other !== owner && owner.contains(other))) results.push(problem);
    }
  }
  return results;
}

async function main(args) {
  let options;
  let cards;
  try {
    options = parseArgs(args);
    const input = JSON.parse(fs.readFileSync(options.input ?? 0, 'utf8'));
    if (!Array.isArray(input) || input.some(c => !c || typeof c.card !== 'object')) throw new Error('expected [{ name, language, card }]');
    cards = input.map((c, index) => ({ index, name: c.name ?? `card ${index}`, language: c.language ?? '', card: c.card }));
  } catch (e) {
    process.stderr.write(`fit.js: ${e.message}\n`);
    return 2;
  }

  const problems = [];
  const browser = await launchChromium(chromium);
  try {
    const page = await openCardPage(browser);
    const batch = cards.map(({ index, card }) => ({ index, card }));
    for (const theme of options.themes) {
      for (const width of options.widths) {
        for (const found of await page.evaluate(measureAll, { cards: batch, theme, width })) {
          const { name, language } = cards[found.index];
          problems.push({ name, language, width, theme, kind: found.kind, text: found.text, needed: found.needed, available: found.available });
        }
      }
    }
    if (options.shots && problems.length > 0) {
      fs.mkdirSync(options.shots, { recursive: true });
      const seen = new Set();
      for (const p of problems) {
        const key = `${p.name}.${p.width}.${p.theme}`;
        if (seen.has(key) || seen.size >= 20) continue;
        seen.add(key);
        await page.evaluate(({ card, theme, width }) => window.renderCard(card, theme, width),
          { card: cards.find(c => c.name === p.name).card, theme: p.theme, width: p.width });
        await page.locator('#frame').screenshot({ path: path.join(options.shots, `${key.replace(/[^\w.-]+/g, '_')}.png`) });
      }
    }
  } finally {
    await browser.close();
  }

  const failed = new Set(problems.map(p => p.name)).size;
  const report = { cards: cards.length, renders: cards.length * options.widths.length * options.themes.length, font: FONT, failed, problems };
  process.stdout.write(JSON.stringify(report, null, 1) + '\n');
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, e => {
  process.stderr.write(`fit.js: ${e.stack || e}\n`);
  process.exitCode = 2;
});

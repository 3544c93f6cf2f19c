#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground's web UI (a local Teams client) the way a person would:
// opens it, switches chats, types, @mentions, clicks card buttons, and waits for what should appear.
// It starts nothing: the bot and the Playground are already running.
//
//   node e2e.js --url http://127.0.0.1:56150/ --script steps.json [--shots DIR]
//
// steps.json: [{ "name": "...", "do": "open" | "chat" | "say" | "mention" | "click", ...,
//               "expect": ["text", ...]   every text must newly appear (more occurrences than before the step),
//               "expectAny": ["text", ...] at least one must newly appear,
//               "gone": ["text", ...]     each must have fewer occurrences than before,
//               "inPlace": true           the number of cards on screen must not change }]
//   open                        load the page
//   chat     { "chat" }         select a chat or channel in the list ("Personal Chat", "General")
//   say      { "text" }         type into the compose box and send
//   mention  { "who", "text" }  type "@", pick who in the mention picker, then the text, and send
//   click    { "button" }       click the most recent card button with exactly this title
//
// Prints { "ok", "steps": [{ "name", "ms", "ok", "error"? }] } and exits 0 only when every step passed.
// On a failure it saves a screenshot of the page in the shots folder.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { launchChromium } = require('./chromium');

// Generous: CI runs this on 2 cores next to other tests. The first page load also compiles the UI's scripts.
const STEP_TIMEOUT = 30000;
const OPEN_TIMEOUT = 60000;

function parseArgs(args) {
  const options = { url: '', script: '', shots: '' };
  for (let i = 0; i < args.length; i++) {
    const key = args[i].replace(/^--/, '');
    if (!(key in options)) throw new Error(`unknown argument ${args[i]}`);
    options[key] = args[++i];
  }
  if (!options.url || !options.script) throw new Error('usage: node e2e.js --url URL --script steps.json [--shots DIR]');
  return options;
}

// What is on screen in the conversation (the log panel is closed at start, so it never counts).
const occurrences = (page, text) => page.getByText(text, { exact: false }).count();
const cardCount = page => page.locator('.ac-adaptiveCard').count();
const composeBox = page => page.locator('[role=textbox][contenteditable=true]').first();

async function waitUntil(condition, what, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
}

async function act(page, step, url) {
  switch (step.do) {
    case 'open':
      await page.goto(url, { timeout: OPEN_TIMEOUT });
      await composeBox(page).waitFor({ timeout: OPEN_TIMEOUT });
      // The log panel repeats message texts; close it so only the conversation is read.
      await page.locator('button[title="Hide log panel"]').click({ timeout: STEP_TIMEOUT });
      return;
    case 'chat':
      await page.getByText(step.chat, { exact: true }).first().click();
      await composeBox(page).waitFor({ timeout: STEP_TIMEOUT });
      return;
    case 'say':
      await composeBox(page).click();
      await page.keyboard.type(step.text);
      await page.keyboard.press('Enter');
      return;
    case 'mention':
      await composeBox(page).click();
      await page.keyboard.type('@');
      await page.locator('[role=option], [role=menuitem]', { hasText: step.who }).first().click();
      await page.keyboard.type(` ${step.text}`);
      await page.keyboard.press('Enter');
      return;
    case 'click':
      await page.getByRole('button', { name: step.button, exact: true }).last().click();
      return;
    default:
      throw new Error(`unknown step "${step.do}"`);
  }
}

async function run(page, step, url) {
  const expect = step.expect ?? [];
  const expectAny = step.expectAny ?? [];
  const gone = step.gone ?? [];
  const count = async texts => Promise.all(texts.map(t => occurrences(page, t)));
  const before = { expect: await count(expect), any: await count(expectAny), gone: await count(gone), cards: await cardCount(page) };

  await act(page, step, url);

  await waitUntil(async () => (await count(expect)).every((n, i) => n > before.expect[i]),
    `${expect.map(t => JSON.stringify(t)).join(', ')} to appear`, step.do === 'open' ? OPEN_TIMEOUT : STEP_TIMEOUT);
  if (expectAny.length) {
    await waitUntil(async () => (await count(expectAny)).some((n, i) => n > before.any[i]),
      `one of ${expectAny.map(t => JSON.stringify(t)).join(', ')} to appear`);
  }
  await waitUntil(async () => (await count(gone)).every((n, i) => n < before.gone[i]),
    `${gone.map(t => JSON.stringify(t)).join(', ')} to disappear`);
  if (step.inPlace) {
    const cards = await cardCount(page);
    if (cards !== before.cards) throw new Error(`expected the card to change in place, but there were ${before.cards} cards and now ${cards}`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const steps = JSON.parse(fs.readFileSync(options.script, 'utf8'));
  const report = { ok: true, steps: [] };
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    for (const step of steps) {
      const started = Date.now();
      try {
        await run(page, step, options.url);
        report.steps.push({ name: step.name, ms: Date.now() - started, ok: true });
      } catch (e) {
        report.ok = false;
        report.steps.push({ name: step.name, ms: Date.now() - started, ok: false, error: String(e.message || e).split('\n')[0] });
        if (options.shots) {
          fs.mkdirSync(options.shots, { recursive: true });
          await page.screenshot({ path: path.join(options.shots, 'e2e-failure.png'), fullPage: true }).catch(() => {});
        }
        break;
      }
    }
    if (options.shots && report.ok) {
      fs.mkdirSync(options.shots, { recursive: true });
      await page.screenshot({ path: path.join(options.shots, 'e2e-last-step.png') }).catch(() => {});
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report, null, 1) + '\n');
  return report.ok ? 0 : 1;
}

main().then(code => { process.exitCode = code; }, e => {
  process.stderr.write(`e2e.js: ${e.stack || e}\n`);
  process.exitCode = 2;
});

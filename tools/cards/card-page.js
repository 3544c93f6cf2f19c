// The page render.js and fit.js draw cards on: adaptivecards 3.0.6 (the renderer of Teams on the web)
// with the official Teams host configs, inside a frame as wide as a Teams card.
//
// Fonts: Teams draws cards in Segoe UI, which Linux lacks. Every card here is drawn in DejaVu Sans,
// the font the Agents Playground falls back to on Debian; it is about a fifth wider than Segoe UI
// (and than Liberation Sans, Chromium's default sans-serif), so what fits here fits in Teams.
// Buttons get the padding of Teams' Fluent buttons (12 px each side), as the Playground draws them.
'use strict';
const fs = require('fs');
const path = require('path');

const acDist = path.join(__dirname, 'node_modules', 'adaptivecards', 'dist');

/** Card widths in Teams: a chat or channel card on desktop and the web, and a phone. */
const WIDTHS = { teams: 446, phone: 320 };

/** The font every card is measured in (see above). */
const FONT = 'DejaVu Sans';

// Teams' chat canvas behind a bot's message, per theme.
const THEMES = {
  light: { hostConfig: 'microsoft-teams-light.json', page: '#f5f5f5', border: '#e0e0e0' },
  dark: { hostConfig: 'microsoft-teams-dark.json', page: '#1f1f1f', border: '#3d3d3d' },
};

function hostConfigs() {
  const configs = {};
  for (const [theme, look] of Object.entries(THEMES)) {
    configs[theme] = JSON.parse(fs.readFileSync(path.join(__dirname, 'hostconfigs', look.hostConfig), 'utf8'));
  }
  return configs;
}

const html = `<!doctype html><html><head><meta charset="utf-8">
<style>
  body { margin: 0; padding: 16px; }
  #frame { border-radius: 4px; overflow: hidden; border: 1px solid transparent; }
  #frame .ac-adaptiveCard, #frame .ac-adaptiveCard * { font-family: "${FONT}", sans-serif !important; }
  #frame .ac-pushButton { padding: 5px 12px !important; }
</style></head><body><div id="frame"><div id="card"></div></div></body></html>`;

// Runs in the page: draws one card in place and returns the renderer's parse events.
function pageScript(configs, themes) {
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = text;
    result.didProcess = false;
  };
  window.renderCard = (card, theme, width) => {
    const look = themes[theme];
    document.body.style.background = look.page;
    const frame = document.getElementById('frame');
    frame.style.borderColor = look.border;
    frame.style.width = `${width}px`;
    const target = document.getElementById('card');
    target.replaceChildren();
    const ac = new AdaptiveCards.AdaptiveCard();
    ac.hostConfig = new AdaptiveCards.HostConfig(configs[theme]);
    const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
    ac.parse(card, context);
    target.appendChild(ac.render());
    const events = [];
    for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
    return events;
  };
}

/** A new page in <browser> with the renderer loaded; window.renderCard(card, theme, width) draws a card. */
async function openCardPage(browser) {
  const page = await browser.newPage({ viewport: { width: WIDTHS.teams + 64, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.addStyleTag({ path: path.join(acDist, 'adaptivecards.css') });
  await page.addScriptTag({ path: path.join(acDist, 'adaptivecards.min.js') });
  await page.evaluate(`(${pageScript})(${JSON.stringify(hostConfigs())}, ${JSON.stringify(THEMES)})`);
  return page;
}

module.exports = { WIDTHS, FONT, THEMES, openCardPage };

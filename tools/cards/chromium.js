// Launches Debian's Chromium (apt-get install chromium) headless through playwright-core, which
// downloads no browser of its own. CHROMIUM overrides the path.
'use strict';
const fs = require('fs');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

async function launchChromium(chromium) {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's chromium (as root: bash .ci/cards.sh, or sudo apt-get install chromium), or set CHROMIUM to a Chromium or Chrome binary.`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

module.exports = { launchChromium, executablePath };

// Copies the official Microsoft Teams host configs (light, dark) out of adaptivecards-designer,
// so the renderer and the validator use exactly what the designer's Teams preview uses.
const fs = require('fs');
const path = require('path');

const source = path.join(__dirname, 'node_modules', 'adaptivecards-designer', 'lib', 'hostConfigs');
const target = path.join(__dirname, 'hostconfigs');
fs.mkdirSync(target, { recursive: true });
for (const theme of ['light', 'dark']) {
  const name = `microsoft-teams-${theme}.json`;
  fs.copyFileSync(path.join(source, name), path.join(target, name));
}

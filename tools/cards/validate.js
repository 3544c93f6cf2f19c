#!/usr/bin/env node
// Validates Adaptive Cards the way Teams' web renderer reads them (adaptivecards 3.0.6 with the Teams
// host config, parsed strictly for the card's version), plus the checks the renderer does not make.
//
//   node validate.js [cards.json]      cards from the file, or stdin, as either
//       [{ "name": "...", "card": {...} }, ...]   or   { "topics": ["id", ...], "cards": [...] }
//
// Prints { "cards": N, "failed": N, "results": [{ "name", "problems": [{ "check", "message", "path" }] }] }.
// Exit code 0 when every card passes, 1 when one does not, 2 on bad input.
'use strict';
const fs = require('fs');
const path = require('path');
const AC = require('adaptivecards/dist/adaptivecards.js');

const MAX_BYTES = 28 * 1024;
const VERSION = '1.5';
const TOPIC_ACTIONS = new Set(['topic', 'feedback', 'post', 'refresh']);
const hostConfig = new AC.HostConfig(
  JSON.parse(fs.readFileSync(path.join(__dirname, 'hostconfigs', 'microsoft-teams-light.json'), 'utf8')));

function eventProblems(events, phase) {
  return events.map(e => {
    const name = AC.ValidationEvent[e.event];
    const unknown = name === 'UnknownElementType' || name === 'UnknownActionType';
    return { check: unknown ? 'unknown-type' : phase, message: `${name}: ${e.message}` };
  });
}

// What adaptivecards itself reports: parse events (strict for the card's version) and validation events.
function rendererProblems(json) {
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  const probe = new AC.SerializationContext();
  const declared = typeof json.version === 'string' ? AC.Version.parse(json.version, probe) : undefined;
  const context = new AC.SerializationContext(declared && declared.isValid ? declared : AC.Versions.v1_5);
  card.parse(json, context);
  const parseEvents = [];
  for (let i = 0; i < context.eventCount; i++) parseEvents.push(context.getEventAt(i));
  const validation = card.validateProperties();
  return [...eventProblems(parseEvents, 'parse'), ...eventProblems(validation.validationEvents, 'validation')];
}

// The checks the renderer does not make, by walking the JSON.
function policyProblems(json, topics) {
  const problems = [];
  const add = (check, message, at) => problems.push({ check, message, path: at });

  if (json.version !== VERSION) add('version', `The card's version is ${JSON.stringify(json.version)}, not "${VERSION}".`, 'version');
  const bytes = Buffer.byteLength(JSON.stringify(json), 'utf8');
  if (bytes > MAX_BYTES) add('size', `The card is ${bytes} bytes; Teams' limit for cards is ${MAX_BYTES}.`, '');

  const walk = (node, at) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const type = typeof node.type === 'string' ? node.type : '';
    if (type === 'TextBlock' && node.wrap !== true) {
      add('textblock-wrap', 'A TextBlock must have "wrap": true, or long text is cut off on narrow screens.', at);
    }
    if (type.startsWith('Input.') && !(typeof node.label === 'string' && node.label.trim())) {
      add('input-label', `${type} "${node.id ?? ''}" has no label; screen readers and Teams mobile need one.`, at);
    }
    if (type.startsWith('Action.')) {
      if (type === 'Action.Execute' && !(typeof node.verb === 'string' && node.verb.trim())) {
        add('execute-verb', 'An Action.Execute has no verb; Teams does not send it to the bot.', at);
      }
      const data = node.data && typeof node.data === 'object' && !Array.isArray(node.data) ? node.data : undefined;
      if (type === 'Action.Execute' || (data && TOPIC_ACTIONS.has(data.action))) {
        const topic = data && data.topic;
        if (!(typeof topic === 'string' && topic)) {
          add('topic-marker', `An ${type} about a topic (${data && data.action ? `action "${data.action}"` : 'Action.Execute'}) has no "topic" in its data.`, at);
        } else if (topics && !topics.has(topic)) {
          add('topic-marker', `An ${type} carries the topic "${topic}", which is not in the catalogue.`, at);
        }
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'data') walk(value, at ? `${at}.${key}` : key);
    }
  };
  walk(json, '');
  return problems;
}

function validate(json, topics) {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return [{ check: 'parse', message: 'The card is not a JSON object.', path: '' }];
  }
  return [...rendererProblems(json), ...policyProblems(json, topics)];
}

function main(args) {
  let input;
  try {
    input = JSON.parse(fs.readFileSync(args[0] ?? 0, 'utf8'));
  } catch (e) {
    process.stderr.write(`validate.js: cannot read the cards: ${e.message}\n`);
    return 2;
  }
  const cards = Array.isArray(input) ? input : input.cards;
  const topics = !Array.isArray(input) && Array.isArray(input.topics) ? new Set(input.topics) : undefined;
  if (!Array.isArray(cards)) {
    process.stderr.write('validate.js: expected [{ name, card }] or { topics, cards }\n');
    return 2;
  }
  const results = cards.map((c, i) => ({ name: c.name ?? `card ${i}`, problems: validate(c.card, topics) }));
  const failed = results.filter(r => r.problems.length > 0).length;
  process.stdout.write(JSON.stringify({ cards: results.length, failed, results }, null, 1) + '\n');
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

#!/usr/bin/env node
// The reference templater: expands Adaptive Card templates with Microsoft's adaptivecards-templating,
// so tests can require that PolicyBot's own binder gives the same card.
//
//   node expand.js <template.json> <data.json>    one card, printed as JSON
//   node expand.js --batch [cases.json]           cases from the file (or stdin):
//       [{ "name": "...", "template": <template JSON or a path>, "data": <data JSON or a path> }, ...]
//     prints [{ "name", "card", "warnings" } | { "name", "error" }, ...]
'use strict';
const fs = require('fs');
const ACData = require('adaptivecards-templating');

function load(value) {
  return typeof value === 'string' ? JSON.parse(fs.readFileSync(value, 'utf8')) : value;
}

function expand(template, data) {
  const tpl = new ACData.Template(template);
  const card = tpl.expand({ $root: data });
  return { card, warnings: tpl.getLastTemplateExpansionWarnings() };
}

function readInput(file) {
  return JSON.parse(fs.readFileSync(file ?? 0, 'utf8'));
}

function main(args) {
  if (args[0] === '--batch') {
    const results = readInput(args[1]).map(c => {
      try {
        return { name: c.name, ...expand(load(c.template), load(c.data)) };
      } catch (e) {
        return { name: c.name, error: String(e && e.message || e) };
      }
    });
    process.stdout.write(JSON.stringify(results));
    return 0;
  }
  if (args.length !== 2) {
    process.stderr.write('usage: node expand.js <template.json> <data.json> | --batch [cases.json]\n');
    return 2;
  }
  const { card } = expand(load(args[0]), load(args[1]));
  process.stdout.write(JSON.stringify(card, null, 2) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));

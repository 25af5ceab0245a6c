// Stands in for the `debug` package in the extension bundle (scripts/build.mjs aliases it). simple-git is
// its one user, for tracing that only DEBUG=simple-git turns on; this keeps the shape simple-git
// calls (a logger per namespace, `extend`, `namespace`, `formatters`) and writes nothing, which
// saves 7 KB of the extension bundle against the .vsix's 400 KB goal.
/* global module */
'use strict';

function createDebug(namespace) {
  const log = function () {};
  log.namespace = String(namespace);
  log.enabled = false;
  log.extend = (name, delimiter = ':') => createDebug(`${log.namespace}${delimiter}${name}`);
  return log;
}
createDebug.formatters = {};
createDebug.enable = () => {};
createDebug.disable = () => '';
createDebug.enabled = () => false;
createDebug.default = createDebug;

module.exports = createDebug;

'use strict';

// Jest transform for SPFx strings modules. SPFx loads `loc/<locale>.js` as AMD; jest needs
// CommonJS. The module body is kept as written and run with a `define` that exports the result,
// so tests read exactly the strings SharePoint would.
module.exports = {
  process(sourceText) {
    return {
      code:
        'var define = function (deps, factory) { module.exports = factory(); };\n' + sourceText
    };
  }
};

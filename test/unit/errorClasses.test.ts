/**
 * The SPFx build compiles to ES5, where a class extending Error loses its prototype, so
 * `instanceof` (and with it every error-code mapping) silently fails in SharePoint while jest,
 * compiling to ES2019, never notices. Every Error subclass must restore its prototype.
 */
import * as fs from 'fs';
import * as ts from 'typescript';
import * as vm from 'vm';

import { findFiles } from '../support/sources';

const sources = findFiles('src', /\.tsx?$/).filter((file) => !/\.test\.tsx?$/.test(file));

describe('Error subclasses under the ES5 build', () => {
  it('restores the prototype in every Error subclass of the product', () => {
    const offenders: string[] = [];
    for (const file of sources) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/class (\w+) extends Error \{([\s\S]*?)\n\}/g)) {
        if (!/Object\.setPrototypeOf\(this, (new\.target|\w+)\.prototype\)/.test(match[2])) {
          offenders.push(`${file}: ${match[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps instanceof working when compiled to ES5 with that line', () => {
    const source = `
      class CodedError extends Error {
        constructor(code, message) {
          super(message);
          this.code = code;
          Object.setPrototypeOf(this, new.target.prototype);
        }
      }
      class Plain extends Error {}
      result = [new CodedError('x', 'm') instanceof CodedError, new Plain('m') instanceof Plain];`;
    const es5 = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES5, noImplicitAny: false } }).outputText;
    const context: { result?: boolean[] } = {};
    vm.runInNewContext(es5, context);
    // Without the line ES5 loses the subclass; with it, instanceof holds.
    expect(context.result).toEqual([true, false]);
  });
});

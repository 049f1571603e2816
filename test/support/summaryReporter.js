'use strict';

// Prints one plain closing line, "N passed, N failed[, N skipped]", after jest's own summary,
// so CI logs end with a count that any reader (or tool) can take at face value.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A suite that cannot even run (a compile error, a crashed setup) counts as a failure.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    let line = `${results.numPassedTests} passed, ${failed} failed`;
    if (skipped > 0) {
      line += `, ${skipped} skipped`;
    }
    if (results.numRuntimeErrorTestSuites > 0) {
      process.stdout.write(`${results.numRuntimeErrorTestSuites} test suite(s) failed to run\n`);
    }
    process.stdout.write(`\nTests: ${line}\n`);
  }
}

module.exports = SummaryReporter;

'use strict';

// Integration tests talk real HTTP to the local tenant and relay: how long one takes is the
// machine's load, not a result (speed is measured by `npm run bench`). A test that sets its own
// timeout keeps it.
jest.setTimeout(60000);

'use strict';

// `npm start` will run the product against the embedded local tenant. Until the local tenant
// lands, say so plainly instead of starting something that is not the product.
process.stderr.write(
  [
    'Shopfloor Engage: the local tenant behind `npm start` is not part of this version yet.',
    'What works today: `npm test` (unit, component and package tests) and `npm run ship`',
    '(builds sharepoint/solution/shopfloor-engage.sppkg for your app catalog). See README.md.',
    ''
  ].join('\n')
);
process.exit(1);

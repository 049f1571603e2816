export * from './common';
export * from './keys';
export * from './learning';
export * from './pulse';
export * from './recognition';
export * from './settings';
export * from './values';

export { PulseAdmin } from './PulseAdmin';
export type { IPulseAdminProps, IPulseAdminServices } from './IPulseAdminProps';

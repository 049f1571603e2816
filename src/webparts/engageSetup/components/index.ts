export { EngageSetup } from './EngageSetup';
export type { IEngageSetupProps, ISetupActions } from './IEngageSetupProps';

export { EngageSetup } from './EngageSetup';
export type { IEngageSetupProps, ISetupActions, SetupOverview } from './IEngageSetupProps';

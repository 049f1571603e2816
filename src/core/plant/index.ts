/** Where people work: the plant map, workplaces and crews. */
export * from './types';
export { EMPTY_PLANT_MAP, normaliseLabel, parsePlantMap, serialisePlantMap } from './plantMap';
export {
  lineByCode,
  lineForDepartment,
  localName,
  plantFilterOptions,
  plantName,
  shiftByCode,
  shiftForLabel,
  siteByCode,
  siteForOffice,
  workplaceOf
} from './workplace';
export type { PlantFilterOptions, PlantOption, PlantPart } from './workplace';

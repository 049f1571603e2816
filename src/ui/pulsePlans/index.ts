export { PlanEditor, type IPlanEditorProps, type PlanGroupOption, type PlanStart } from './PlanEditor';
export { PlanList, type IPlanListProps } from './PlanList';
export { PublishedPlans, type IPublishedPlansProps } from './PublishedPlans';
export { planWords, type PlanWords } from './planWords';

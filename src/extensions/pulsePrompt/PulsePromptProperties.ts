// eslint-disable-next-line @typescript-eslint/no-empty-interface -- the customizer has no settings yet
export interface IPulsePromptProperties {}

import { PartWebPart } from '../../app/host/spfxWebPart';
import { skillsMatrixPart, type ISkillsMatrixWebPartProps } from './SkillsMatrix.part';

export type { ISkillsMatrixWebPartProps };

/** SharePoint host of the "Crew skills matrix" part. */
export default class SkillsMatrixWebPart extends PartWebPart<ISkillsMatrixWebPartProps> {
  protected readonly definition = skillsMatrixPart;
}

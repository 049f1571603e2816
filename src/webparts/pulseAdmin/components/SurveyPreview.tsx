import * as React from 'react';
import * as strings from 'PulseAdminWebPartStrings';

import type { Question, Survey } from '../../../core/models/pulse';
import { questionWording } from '../../../core/pulse/surveyRules';
import { format } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Switch } from '../../../ui/light/Switch';
import { languageName } from './pulseText';
import styles from './PulseAdmin.module.scss';

export interface ISurveyPreviewProps {
  readonly survey: Pick<Survey, 'title' | 'definition'>;
  readonly questions: readonly Question[];
  readonly locale: string;
  onClose(): void;
}

const LIKERT = [1, 2, 3, 4, 5];
const ENPS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** What the answer looks like for a kind of question (shown, not answered: nothing is sent). */
function AnswerShape(props: { question: Question | undefined }): React.ReactElement {
  const kind = props.question?.kind ?? 'likert5';
  if (kind === 'text') {
    return <textarea className={styles.input} rows={3} readOnly aria-label={strings.PreviewComment} placeholder={strings.PreviewComment} />;
  }
  const points = kind === 'enps11' ? ENPS : LIKERT;
  return (
    <div>
      <div className={styles.scale} role="group" aria-label={kind === 'enps11' ? strings.PreviewScaleEnps : strings.PreviewScaleLikert}>
        {points.map((point) => (
          <span key={point} className={styles.scalePoint} aria-hidden>
            {point}
          </span>
        ))}
      </div>
      <span className={styles.subtle}>{kind === 'enps11' ? strings.PreviewScaleEnps : strings.PreviewScaleLikert}</span>
    </div>
  );
}

/**
 * The survey as an employee sees it, one question per screen, in each of its languages, at
 * desktop width or in a 360 px phone frame. Read only: nothing is answered or sent.
 */
export function SurveyPreview(props: ISurveyPreviewProps): React.ReactElement {
  const { survey, questions } = props;
  const languages = survey.definition.languages.length > 0 ? survey.definition.languages : ['en-us'];
  const [language, setLanguage] = React.useState(languages.filter((l) => l === props.locale)[0] ?? languages[0]);
  const [phone, setPhone] = React.useState(true);
  const [index, setIndex] = React.useState(0);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);
  const keys = survey.definition.questionKeys;
  const done = index >= keys.length;
  const question = done ? undefined : questions.filter((q) => q.questionKey === keys[index])[0];
  const wording = question ? questionWording(question, language) : undefined;

  return (
    <section className={styles.editor} aria-labelledby="se-survey-preview-title">
      <h3 id="se-survey-preview-title" className={styles.subheading} tabIndex={-1} ref={headingRef}>
        {format(strings.PreviewTitle, survey.title)}
      </h3>
      <p className={styles.help}>{strings.PreviewHelp}</p>
      <div className={styles.actions} role="group" aria-label={strings.PreviewLanguage}>
        {languages.map((tag) => (
          <Button key={tag} className={styles.action} text={languageName(tag)} aria-pressed={tag === language} primary={tag === language} onClick={() => setLanguage(tag)} />
        ))}
      </div>
      <Switch label={strings.PhoneFrame} checked={phone} onChange={setPhone} />
      <div className={phone ? styles.phoneFrame : styles.desktopFrame} data-testid="preview-frame" lang={language.split('-')[0]}>
        <p className={styles.subtle}>{survey.title}</p>
        {done ? (
          <p className={styles.name} data-testid="preview-done">
            {strings.PreviewDone}
          </p>
        ) : (
          <>
            <p className={styles.subtle}>{format(strings.QuestionOf, index + 1, keys.length)}</p>
            <p className={styles.previewQuestion} data-testid="preview-question">
              {wording ?? format(strings.PreviewNoWording, languageName(language))}
            </p>
            <AnswerShape question={question} />
          </>
        )}
      </div>
      <div className={styles.actions}>
        <Button className={styles.action} iconName="Back" text={strings.Back} disabled={index === 0} onClick={() => setIndex(index - 1)} />
        <Button className={styles.action} iconName="Forward" text={strings.Next} disabled={done} onClick={() => setIndex(index + 1)} />
        <Button className={styles.action} text={strings.ClosePreview} onClick={props.onClose} />
      </div>
    </section>
  );
}

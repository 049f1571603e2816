/**
 * One home per capability, kept by lint: a part imports only app, ui, core and its own folder;
 * ui never imports connectors; core imports none of the other layers. The rules are the
 * project's own ESLint configuration for each path, run on sample imports.
 */
import { ESLint, Linter } from 'eslint';

import { ROOT } from '../support/sources';

async function problems(file: string, source: string): Promise<string[]> {
  const config = await new ESLint({ cwd: ROOT }).calculateConfigForFile(file);
  const rule = (config.rules ?? {})['no-restricted-syntax'];
  const messages = new Linter().verify(source, {
    parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: rule ? { 'no-restricted-syntax': rule } : {}
  });
  return messages.map((m) => m.message);
}

describe('import boundaries', () => {
  it('keeps a part out of another part’s folder, at any depth and for dynamic imports too', async () => {
    expect(await problems('src/webparts/recognitionWall/Probe.part.tsx', "import { x } from '../crewRecognition/crewThing';")).toHaveLength(1);
    expect(await problems('src/webparts/recognitionWall/components/Probe.tsx', "export { x } from '../../recognitionAdmin/components/y';")).toHaveLength(1);
    expect(await problems('src/adaptiveCardExtensions/recognise/Probe.ts', "import { x } from '../../webparts/recognitionWall/wallSnapshot';")).toHaveLength(1);
    expect(await problems('src/extensions/shiftStatus/components/Probe.tsx', "const m = import('../../../adaptiveCardExtensions/myNextShift/views');")).toHaveLength(1);
  });

  it('lets a part use app, ui, core and its own folder', async () => {
    const own = [
      "import { recognitionOf } from '../../app/recognition';",
      "import { ThemedPart } from '../../ui/host/ThemedPart';",
      "import { valueName } from '../../core/recognition/values';",
      "import { RecognitionWall } from './components';",
      "import { wallSnapshots } from '../wallSnapshot';"
    ];
    expect(await problems('src/webparts/recognitionWall/Probe.part.tsx', own.slice(0, 4).join('\n'))).toEqual([]);
    expect(await problems('src/webparts/recognitionWall/components/Probe.tsx', own[4])).toEqual([]);
  });

  it('keeps a part’s own code away from connectors; its tests may build them over fakes', async () => {
    expect(await problems('src/webparts/recognitionWall/Probe.part.tsx', "import { GraphCache } from '../../connectors/graph/graphCache';")).toHaveLength(1);
    expect(await problems('src/webparts/recognitionWall/components/Probe.tsx', "import { x } from '../../../connectors/sharepoint/listClient';")).toHaveLength(1);
    expect(await problems('src/adaptiveCardExtensions/recognise/Probe.test.tsx', "import { GraphCache } from '../../connectors/graph/graphCache';")).toEqual([]);
    expect(await problems('src/adaptiveCardExtensions/recognise/Probe.test.tsx', "import { x } from '../myNextShift/views';")).toHaveLength(1);
  });

  it('keeps ui out of connectors, the composition root and parts, and core out of every other layer', async () => {
    expect(await problems('src/ui/host/Probe.tsx', "import type { HostEnvironment } from '../../app/host/types';")).toHaveLength(1);
    expect(await problems('src/ui/recognition/Probe.ts', "import { GraphCache } from '../../connectors/graph/graphCache';")).toHaveLength(1);
    expect(await problems('src/ui/recognition/Probe.ts', "import { x } from '../../webparts/recognitionWall/wallSnapshot';")).toHaveLength(1);
    expect(await problems('src/core/recognition/Probe.ts', "import { x } from '../../app/services';")).toHaveLength(1);
    expect(await problems('src/core/recognition/Probe.ts', "import { x } from '../../connectors/sharepoint/listClient';")).toHaveLength(1);
    expect(await problems('src/core/recognition/Probe.ts', "import { valueName } from './values';")).toEqual([]);
  });
});

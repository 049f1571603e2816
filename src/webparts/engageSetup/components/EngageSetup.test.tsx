import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import type { ListCheck } from '../../../core/setup/listSecurity';
import { checkLists } from '../../../core/setup/listSecurity';
import type { SecureResult } from '../../../core/setup/setupService';
import { SetupError } from '../../../core/setup/setupService';
import { setupErrorCodeOf } from '../../../connectors/sharepoint/setupErrors';
import { EngageSetup } from './EngageSetup';
import type { ISetupActions, SetupOverview } from './IEngageSetupProps';

/**
 * A typed fake of the setup actions whose answers each test scripts. The person may manage the
 * site's lists and override list behaviors unless a test says otherwise (`canManageLists`,
 * `canOverrideListBehaviors`; `undefined`: SharePoint did not say).
 */
class ScriptedSetup implements ISetupActions {
  public secured: string[][] = [];
  public constructor(
    private readonly answers: Array<ListCheck[] | Error>,
    private readonly secureResult: SecureResult[] = [],
    private readonly canManageLists: boolean | undefined = true,
    private readonly canOverrideListBehaviors: boolean | undefined = true
  ) {}

  public async check(): Promise<SetupOverview> {
    const next = this.answers.length > 1 ? this.answers.shift() : this.answers[0];
    if (next instanceof Error) {
      throw next;
    }
    return { checks: next as ListCheck[], canManageLists: this.canManageLists, canOverrideListBehaviors: this.canOverrideListBehaviors };
  }

  public async secure(checks: readonly ListCheck[]): Promise<SecureResult[]> {
    this.secured.push(checks.filter((c) => c.status === 'needsSecurity').map((c) => c.title));
    return this.secureResult;
  }
}

const needsWork = checkLists([
  { title: 'SE_Values', exists: true, itemCount: 5, readSecurity: 1, writeSecurity: 4 },
  { title: 'SE_Participation', exists: true, itemCount: 0, readSecurity: 1, writeSecurity: 1 },
  { title: 'SE_Skills', exists: false }
]);
const allReady = checkLists([
  { title: 'SE_Values', exists: true, itemCount: 5, readSecurity: 1, writeSecurity: 4 },
  { title: 'SE_Participation', exists: true, itemCount: 0, readSecurity: 2, writeSecurity: 4 }
]);

/** Everything the page announces in its live regions (errors are alerts, the rest status). */
function statusText(): string {
  return [...screen.queryAllByRole('status'), ...screen.queryAllByRole('alert')]
    .map((region) => region.textContent ?? '')
    .join(' | ');
}

describe('EngageSetup', () => {
  it('shows each list with its status and why it is protected', async () => {
    render(<EngageSetup setup={new ScriptedSetup([needsWork])} showReadyLists={true} locale="en-us" />);
    const table = await screen.findByRole('table', { name: 'Shopfloor Engage lists on this site' });
    const row = within(table).getByRole('row', { name: /SE_Participation/ });
    expect(within(row).getByText('Needs access settings')).toBeTruthy();
    // Read: own items only; write: nobody but HR, site owners and the relay.
    expect(within(row).getAllByText('Own items only')).toHaveLength(1);
    expect(within(row).getAllByText('Only HR and site owners')).toHaveLength(1);
    expect(within(table).getByRole('row', { name: /SE_Skills/ }).textContent).toContain('Missing');
    await waitFor(() =>
      expect(statusText()).toContain('1 list needs access settings. 1 list is missing.')
    );
  });

  it('says why the learning lists are written by the relay only', async () => {
    const learning = checkLists([{ title: 'SE_Progress', exists: true, itemCount: 40, readSecurity: 1, writeSecurity: 1 }]);
    render(<EngageSetup setup={new ScriptedSetup([learning])} showReadyLists={true} locale="en-us" />);
    const row = within(await screen.findByRole('table')).getByRole('row', { name: /SE_Progress/ });
    expect(within(row).getByText('Needs access settings')).toBeTruthy();
    expect(within(row).getByText('Only the relay records progress, sign-offs and levels, so no one can sign off their own training.')).toBeTruthy();
  });

  it('hides ready lists when the property pane says so', async () => {
    render(<EngageSetup setup={new ScriptedSetup([needsWork])} showReadyLists={false} locale="en-us" />);
    const table = await screen.findByRole('table');
    expect(within(table).queryByRole('row', { name: /SE_Values/ })).toBeNull();
    expect(within(table).getByRole('row', { name: /SE_Participation/ })).toBeTruthy();
  });

  it('applies access settings with one press and shows the lists ready afterwards', async () => {
    const setup = new ScriptedSetup([needsWork, allReady], [{ title: 'SE_Participation', ok: true }]);
    render(<EngageSetup setup={setup} showReadyLists={true} locale="en-us" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply access settings' }));
    await waitFor(() => expect(statusText()).toContain('All lists are in place and protected.'));
    expect(statusText()).toContain('Access settings applied.');
    expect(setup.secured).toEqual([['SE_Participation']]);
    expect(screen.queryByRole('button', { name: 'Apply access settings' })).toBeNull();
  });

  it('names the lists that could not be changed and why, one sentence per reason', async () => {
    const setup = new ScriptedSetup([needsWork], [
      { title: 'SE_Participation', ok: false, error: 'accessDenied' },
      { title: 'SE_Values', ok: false, error: 'throttled' },
      { title: 'SE_Skills', ok: false, error: 'throttled' }
    ]);
    render(<EngageSetup setup={setup} showReadyLists={true} locale="en-us" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply access settings' }));
    await waitFor(() =>
      expect(statusText()).toContain(
        'The list SE_Participation could not be changed: you need permission to manage lists on this site. ' +
          'The lists SE_Values, SE_Skills could not be changed: SharePoint is busy right now; try again in a minute.'
      )
    );
  });

  it('counts in the singular and plural and leaves out what needs nothing', async () => {
    const twoToSecure = checkLists([
      { title: 'SE_Values', exists: true, itemCount: 5, readSecurity: 1, writeSecurity: 1 },
      { title: 'SE_Participation', exists: true, itemCount: 0, readSecurity: 1, writeSecurity: 1 }
    ]);
    render(<EngageSetup setup={new ScriptedSetup([twoToSecure])} showReadyLists={true} locale="en-us" />);
    await waitFor(() => expect(statusText()).toContain('2 lists need access settings.'));
    expect(statusText()).not.toContain('missing');
  });

  it('calls SharePoint busy (503) what every part calls it, as a full sentence', async () => {
    const busy = Object.assign(new Error('Service Unavailable'), { status: 503 });
    const setup = new ScriptedSetup([new SetupError(setupErrorCodeOf(busy), 'Reading the lists: Service Unavailable')]);
    render(<EngageSetup setup={setup} showReadyLists={true} locale="en-us" />);
    expect(await screen.findByText('The lists could not be checked. SharePoint is busy right now; try again in a minute.')).toBeTruthy();
  });

  it('offers a site owner (Manage Lists) the apply action and no explanation', async () => {
    render(<EngageSetup setup={new ScriptedSetup([needsWork], [], true)} showReadyLists={true} locale="en-us" />);
    expect(await screen.findByRole('button', { name: 'Apply access settings' })).toBeTruthy();
    expect(screen.queryByText(/Only site owners and people who can manage/)).toBeNull();
  });

  it('shows someone without Manage Lists the lists, no apply action, and who can apply them', async () => {
    const setup = new ScriptedSetup([needsWork], [], false);
    render(<EngageSetup setup={setup} showReadyLists={true} locale="en-us" />);
    const table = await screen.findByRole('table', { name: 'Shopfloor Engage lists on this site' });
    expect(within(table).getByRole('row', { name: /SE_Participation/ }).textContent).toContain('Needs access settings');
    await waitFor(() =>
      expect(statusText()).toContain(
        "Only site owners and people who can manage this site's lists can apply the access settings. Ask a site owner to open this page and apply them."
      )
    );
    expect(statusText()).toContain('1 list needs access settings. 1 list is missing.');
    expect(screen.queryByRole('button', { name: 'Apply access settings' })).toBeNull();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(setup.secured).toEqual([]);
  });

  it('tells someone without Manage Lists nothing about applying when every list is ready', async () => {
    render(<EngageSetup setup={new ScriptedSetup([allReady], [], false)} showReadyLists={true} locale="en-us" />);
    await screen.findByRole('table');
    await waitFor(() => expect(statusText()).toContain('All lists are in place and protected.'));
    expect(statusText()).not.toContain('Only site owners');
    expect(screen.queryByRole('button', { name: 'Apply access settings' })).toBeNull();
  });

  it('still offers the action when SharePoint did not say (SharePoint itself decides on apply)', async () => {
    render(<EngageSetup setup={new ScriptedSetup([needsWork], [], undefined)} showReadyLists={true} locale="en-us" />);
    expect(await screen.findByRole('button', { name: 'Apply access settings' })).toBeTruthy();
    expect(screen.queryByText(/Only site owners and people who can manage/)).toBeNull();
  });

  it('explains a failed check and lets the admin try again', async () => {
    const setup = new ScriptedSetup([new SetupError('network', 'offline'), allReady]);
    render(<EngageSetup setup={setup} showReadyLists={true} locale="en-us" />);
    expect(await screen.findByText(/^The lists could not be checked\. The connection was lost/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeTruthy();
  });

  it('says plainly who can see pulse answers before the relay is deployed', async () => {
    render(<EngageSetup setup={new ScriptedSetup([allReady])} showReadyLists={true} locale="en-us" />);
    await screen.findByRole('table');
    expect(screen.getByRole('heading', { name: 'Who can see pulse answers' })).toBeTruthy();
    expect(screen.getByText(/site owners can see it/)).toBeTruthy();
  });

  it('says which permission level the HR group needs, and that Edit is not enough', async () => {
    render(<EngageSetup setup={new ScriptedSetup([allReady])} showReadyLists={true} locale="en-us" />);
    await screen.findByRole('table');
    expect(screen.getByRole('heading', { name: "HR's permission level" })).toBeTruthy();
    expect(screen.getByText(/Give the HR group the Design permission level, or a custom permission level that includes Override List Behaviors\. Edit is not enough/)).toBeTruthy();
  });

  it('warns someone without Override List Behaviors that HR would see only its own reports', async () => {
    // Edit: Manage Lists, no Override List Behaviors. The apply action stays on offer.
    render(<EngageSetup setup={new ScriptedSetup([needsWork], [], true, false)} showReadyLists={true} locale="en-us" />);
    await waitFor(() => expect(statusText()).toContain('You do not have the Override List Behaviors permission on this site'));
    expect(statusText()).toContain('ask a site owner to give the HR group the Design permission level');
    expect(screen.getByRole('button', { name: 'Apply access settings' })).toBeTruthy();
  });

  it.each([
    ['has it', true],
    ['SharePoint did not say', undefined]
  ])('gives no Override List Behaviors warning when the person %s', async (_case, canOverride) => {
    render(<EngageSetup setup={new ScriptedSetup([allReady], [], true, canOverride)} showReadyLists={true} locale="en-us" />);
    await waitFor(() => expect(statusText()).toContain('All lists are in place and protected.'));
    expect(statusText()).not.toContain('Override List Behaviors');
  });

  it('keeps the warning after applying the access settings', async () => {
    const setup = new ScriptedSetup([needsWork, allReady], [{ title: 'SE_Participation', ok: true }], true, false);
    render(<EngageSetup setup={setup} showReadyLists={true} locale="en-us" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply access settings' }));
    await waitFor(() => expect(statusText()).toContain('Access settings applied.'));
    expect(statusText()).toContain('You do not have the Override List Behaviors permission on this site');
  });
});
